using System.Collections.Concurrent;
using ForbedringsAbc.Search.Indexing;

namespace ForbedringsAbc.Tests.Search;

public sealed class WordTableTests
{
    [Fact]
    public void Every_word_gets_one_number_and_reads_back_while_threads_look_up_and_the_table_grows()
    {
        // 60,000 different words (the table starts with room for 8,192 and grows three times while
        // 8 threads look words up), every tenth one left out; each thread meets them in its own
        // order, three times over.
        var words = Enumerable.Range(0, 60_000).Select(i => $"ord{i}").ToArray();
        bool Excluded(string word) => int.Parse(word.AsSpan(3)) % 10 == 0;
        var table = new WordTable(Excluded);
        var seen = new ConcurrentDictionary<string, int>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            var order = words.ToArray();
            new Random(thread).Shuffle(order);
            for (var round = 0; round < 3; round++)
            {
                foreach (var word in order)
                {
                    // Looked up as a part of a longer text, as the analyser does.
                    var id = table.Id(("«" + word + "»").AsSpan(1, word.Length));
                    var first = seen.GetOrAdd(word, id);
                    Assert.Equal(first, id);
                    if (id != WordTable.Excluded) Assert.Equal(word, table[id]);
                }
            }
        });
        Assert.Equal(words.Length, seen.Count);
        Assert.All(seen, pair => Assert.Equal(Excluded(pair.Key), pair.Value == WordTable.Excluded));
        var numbers = seen.Values.Where(id => id != WordTable.Excluded).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 54_000), numbers);
        Assert.Equal(54_000, table.Count);
    }
}
