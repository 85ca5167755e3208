namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// One page's words (<see cref="PageWord"/>) as the page keeps them until the index is built, and
/// as the page cache stores them: three 7-bit variable-length numbers a word (its number in the
/// <see cref="WordTable"/>, its count with the title flag, its weight), some 4 bytes instead of 12.
/// Every content page keeps its words to the end of the build: 10,000 pages ~37 MB of words as
/// structs, ~13 MB packed (the collector copies and marks what a page keeps; 100,000 pages ten times that).
/// The numbers are unsigned 32-bit LEB128, the format of <see cref="BinaryWriter.Write7BitEncodedInt(int)"/>
/// (which the rest of the page cache uses), read and written here on spans, a page at a time.
/// </summary>
/// <remarks>
/// A weight is a sum of whole block weights (<see cref="HtmlTextExtractor"/>), kept as a float;
/// packed as a whole number, it reads back as the same float.
/// </remarks>
public readonly struct PackedWords(ReadOnlyMemory<byte> bytes)
{
    /// <summary>The packed words, as the page cache writes them.</summary>
    public ReadOnlyMemory<byte> Bytes => bytes;

    public Enumerator GetEnumerator() => new(bytes.Span);

    public PageWord[] ToArray()
    {
        var list = new List<PageWord>();
        foreach (var word in this) list.Add(word);
        return [.. list];
    }

    /// <summary>Reads the words one by one; <see cref="InvalidDataException"/> where the bytes are not packed words.</summary>
    public ref struct Enumerator(ReadOnlySpan<byte> rest)
    {
        private ReadOnlySpan<byte> _rest = rest;

        public PageWord Current { get; private set; }

        public bool MoveNext()
        {
            if (_rest.IsEmpty) return false;
            var word = Read(ref _rest);
            var countAndTitle = Read(ref _rest);
            var weight = Read(ref _rest);
            if (word > int.MaxValue) throw new InvalidDataException("packed word out of range");
            Current = new PageWord((int)word, new WordStat { Count = (int)(countAndTitle >> 1), InTitle = (countAndTitle & 1) != 0, Weight = weight });
            return true;
        }

        private static uint Read(ref ReadOnlySpan<byte> span)
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (span.IsEmpty) throw new InvalidDataException("packed words cut short");
                var b = span[0];
                span = span[1..];
                // The fifth byte carries the top 4 bits: more would not fit in 32.
                if (shift == 28 && b > 0x0F) throw new InvalidDataException("packed number too large");
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw new InvalidDataException("packed number too long");
        }
    }

    /// <summary>
    /// Packs a page's words one by one into a buffer of this thread's, then into an array of their
    /// exact size. One packer at a time on a thread: a second would share the buffer.
    /// </summary>
    public ref struct Packer
    {
        [ThreadStatic]
        private static byte[]? _buffer;

        private byte[] _bytes;
        private int _length;

        public Packer() => _bytes = _buffer ??= new byte[4096];

        public void Add(int word, WordStat stat)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(word);
            ArgumentOutOfRangeException.ThrowIfNegative(stat.Count);
            if (stat.Weight < 0 || stat.Weight != MathF.Floor(stat.Weight) || stat.Weight >= 4294967296f)
            {
                throw new ArgumentOutOfRangeException(nameof(stat), stat.Weight, "a word's weight is a sum of whole block weights");
            }
            // Three numbers of at most 5 bytes each.
            if (_length + 15 > _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
                _buffer = _bytes;
            }
            Write((uint)word);
            Write((uint)stat.Count << 1 | (stat.InTitle ? 1u : 0u));
            Write((uint)stat.Weight);
        }

        public readonly PackedWords ToPacked() => new(_bytes.AsSpan(0, _length).ToArray());

        private void Write(uint value)
        {
            while (value >= 0x80)
            {
                _bytes[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }
            _bytes[_length++] = (byte)value;
        }
    }
}
