namespace ForbedringsAbc.Search.Analysis;

/// <summary>
/// Splits normalised text into word tokens: runs of letters and digits, joined by a hyphen or an
/// apostrophe between two of them ("covid-19-vaksine", "pc'en") and by '.' or ',' between two
/// digits ("e11.9", "2,5"). Codes like "a10ba02" are one token. Same rules in the JavaScript client.
/// </summary>
public sealed class Tokenizer
{
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Calls <paramref name="token"/> with (start, length) for each token of <paramref name="text"/>.</summary>
    public void Tokenize(string text, Action<int, int> token)
    {
        foreach (var (start, length) in Tokens(text.AsSpan())) token(start, length);
    }

    /// <summary>The tokens of <paramref name="text"/> as (start, length), without a delegate or an allocation.</summary>
    public static TokenEnumerator Tokens(ReadOnlySpan<char> text) => new(text);

    /// <summary>Walks the tokens of a text; see <see cref="Tokenizer"/> for the rules.</summary>
    public ref struct TokenEnumerator(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _next;

        public (int Start, int Length) Current { get; private set; }

        public readonly TokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var text = _text;
            var i = _next;
            while (i < text.Length && !IsWordChar(text[i])) i++;
            if (i >= text.Length)
            {
                _next = i;
                return false;
            }
            var start = i;
            i++;
            while (i < text.Length)
            {
                if (IsWordChar(text[i])) i++;
                else if (i + 1 < text.Length && Joins(text[i - 1], text[i], text[i + 1])) i += 2;
                else break;
            }
            _next = i;
            Current = (start, i - start);
            return true;
        }
    }

    public List<string> Tokens(string text)
    {
        var list = new List<string>();
        Tokenize(text, (start, length) => list.Add(text.Substring(start, length)));
        return list;
    }

    private static bool Joins(char before, char joiner, char after) => joiner switch
    {
        '-' => IsWordChar(after),
        '\'' => char.IsLetter(before) && char.IsLetter(after),
        '.' or ',' => char.IsDigit(before) && char.IsDigit(after),
        _ => false,
    };
}
