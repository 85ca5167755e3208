namespace ForbedringsAbc.Search.Analysis;

/// <summary>
/// Words too common to search for: Snowball's Norwegian stop list (Bokmål and Nynorsk), less the
/// question words editors use in headings ("hvorfor", "hvordan"), which people do search for.
/// Not indexed; dropped from queries. The JavaScript client holds the same list.
/// </summary>
public sealed class StopWords
{
    public const string List =
        "alle at av både båe bare begge ble blei bli blir blitt da då de deg dei deim deira deires dem den denne der dere deres det dette di din disse ditt du dykk dykkar eg ein eit eitt eller elles en enn er et ett etter for fordi fra før ha hadde han hans har hennar henne hennes her hjå ho hoe honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor i ikke ikkje ingen ingi inkje inn inni ja jeg kan kom korso kun kunne kva kvar kvarhelst kven kvi man me med medan meg meget mellom men mi min mine mitt mot mykje ned no noe noen noka noko nokon nokor nokre nå når og også om opp oss over på så samme seg selv si sia sidan siden sin sine sitt sjøl skal skulle slik so som somme somt sånn til um upp ut uten var vår vart varte ved vere verte vi vil ville vore vors vort være vært å";

    private readonly HashSet<string> _words = new(List.Split(' '), StringComparer.Ordinal);

    public bool Contains(string word) => _words.Contains(word);
}
