using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// The words of every page analysed, each kept once and numbered in the order first met: a page
/// keeps its words as numbers (<see cref="PageWord"/>), not as references to strings. Words the
/// index leaves out (stop words) are remembered as such and get no number. Thread-safe: pages
/// are analysed in parallel; a number is handed out only once its word can be read.
/// The numbers depend on the order pages were analysed in, so nothing written may depend on
/// them: the index builder orders words by their text.
/// </summary>
/// <remarks>
/// Every word of every page is looked up here (6 million lookups at 10,000 pages), so the table
/// is an open-addressing one that a lookup reads without a lock, and that tells words apart by a
/// 96-bit hash of their text alone: one cache line per lookup, not three (the slot, the entry,
/// the string). Two of ten million different words share a 96-bit hash with a chance of about
/// 10^-15 (the page cache trusts 128-bit hashes the same way). New words are added under a
/// lock; a slot is published only after the word it numbers can be read, and a lookup that
/// misses on a table since grown tries again under the lock.
/// </remarks>
public sealed class WordTable
{
    /// <summary>What <see cref="Id"/> returns for a word the index leaves out.</summary>
    public const int Excluded = -1;

    private readonly Func<string, bool> _excluded;
    private readonly Lock _gate = new();

    /// <summary>
    /// Two longs a slot: first the low 32 bits of the hash beside what the slot holds (0: empty;
    /// 1: a left-out word; else the word's number + 2), written last; then the high 64 bits.
    /// At most half the slots are used.
    /// </summary>
    private long[] _slots = new long[2 << 14];
    private int _used;
    private string[] _words = new string[4096];
    private int _count;

    public WordTable(Func<string, bool> excluded) => _excluded = excluded;

    /// <summary>How many words have numbers (0 … Count − 1).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The word numbered <paramref name="id"/>.</summary>
    public string this[int id] => Volatile.Read(ref _words)[id];

    /// <summary>The number of <paramref name="word"/>, given it now if it has none; <see cref="Excluded"/> for a left-out word.</summary>
    public int Id(ReadOnlySpan<char> word)
    {
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(word));
        if (Find(Volatile.Read(ref _slots), hash, out _) is { } found) return found;
        lock (_gate)
        {
            var slots = _slots;
            if (Find(slots, hash, out var free) is { } id) return id;
            var text = word.ToString();
            id = Excluded;
            if (!_excluded(text))
            {
                id = _count;
                if (id == _words.Length)
                {
                    var larger = new string[id * 2];
                    Array.Copy(_words, larger, id);
                    Volatile.Write(ref _words, larger);
                }
                _words[id] = text;
                // Published before the slot: a thread that finds the number finds the word too.
                Volatile.Write(ref _count, id + 1);
            }
            // More than half the slots (two longs each) used: grow.
            if (++_used > slots.Length / 4)
            {
                // Grown as a new array, published whole: lookups on the old one stay correct for
                // the words it has, and go to the lock for the rest.
                var larger = new long[slots.Length * 2];
                for (var i = 0; i < slots.Length; i += 2)
                {
                    if (slots[i] == 0) continue;
                    var at = FreeSlot(larger, (ulong)slots[i] >> 32);
                    (larger[at], larger[at + 1]) = (slots[i], slots[i + 1]);
                }
                free = FreeSlot(larger, (ulong)hash);
                slots = larger;
            }
            slots[free + 1] = (long)(ulong)(hash >> 64);
            Volatile.Write(ref slots[free], (long)(((ulong)hash & 0xFFFF_FFFF) << 32 | (uint)(id + 2)));
            if (slots != _slots) Volatile.Write(ref _slots, slots);
            return id;
        }
    }

    /// <summary>The word's number if the table has it; else null, with the free slot its probe ended at.</summary>
    private static int? Find(long[] slots, UInt128 hash, out int free)
    {
        var mask = slots.Length - 2;
        var low = (uint)hash;
        var high = (long)(ulong)(hash >> 64);
        for (var i = (int)(low << 1) & mask; ; i = (i + 2) & mask)
        {
            var slot = Volatile.Read(ref slots[i]);
            if (slot == 0)
            {
                free = i;
                return null;
            }
            if ((uint)((ulong)slot >> 32) == low && slots[i + 1] == high)
            {
                free = -1;
                return (int)(uint)slot - 2;
            }
        }
    }

    /// <summary>The free slot a probe for a hash whose low 32 bits are <paramref name="low"/> ends at.</summary>
    private static int FreeSlot(long[] slots, ulong low)
    {
        var mask = slots.Length - 2;
        var i = (int)((uint)low << 1) & mask;
        while (slots[i] != 0) i = (i + 2) & mask;
        return i;
    }
}
