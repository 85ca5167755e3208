using System.Collections.Concurrent;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// The words of every page analysed, each kept once and numbered in the order first met: a page
/// keeps its words as numbers (<see cref="PageWord"/>), not as references to strings. Words the
/// index leaves out (stop words) are remembered as such and get no number. Thread-safe: pages
/// are analysed in parallel; a number is handed out only once its word can be read.
/// The numbers depend on the order pages were analysed in, so nothing written may depend on
/// them: the index builder orders words by their text.
/// </summary>
public sealed class WordTable
{
    /// <summary>What <see cref="Id"/> returns for a word the index leaves out.</summary>
    public const int Excluded = -1;

    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Func<string, bool> _excluded;
    private readonly Lock _gate = new();
    private string[] _words = new string[4096];
    private int _count;

    public WordTable(Func<string, bool> excluded)
    {
        _excluded = excluded;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many words have numbers (0 … Count − 1).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The word numbered <paramref name="id"/>.</summary>
    public string this[int id] => Volatile.Read(ref _words)[id];

    /// <summary>The number of <paramref name="word"/>, given it now if it has none; <see cref="Excluded"/> for a left-out word.</summary>
    public int Id(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var id)) return id;
        lock (_gate)
        {
            if (_lookup.TryGetValue(word, out id)) return id;
            var text = word.ToString();
            if (_excluded(text))
            {
                _ids[text] = Excluded;
                return Excluded;
            }
            id = _count;
            if (id == _words.Length)
            {
                var larger = new string[id * 2];
                Array.Copy(_words, larger, id);
                Volatile.Write(ref _words, larger);
            }
            _words[id] = text;
            Volatile.Write(ref _count, id + 1);
            // Published last: a thread that finds the number finds the word in the array too.
            _ids[text] = id;
            return id;
        }
    }
}
