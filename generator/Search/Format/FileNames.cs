using System.Globalization;
using System.Text;

namespace ForbedringsAbc.Search.Format;

/// <summary>
/// File names of the index: a shard is named by the first term of its range ("t/forb.js"); letters
/// outside a–z and digits become "_" and four hex digits, so names are plain ASCII on every server
/// and file system. search-engine.js computes the same names from the manifest's boundaries.
/// </summary>
public static class FileNames
{
    public static string Shard(string boundary) => $"t/{(boundary.Length == 0 ? "_" : Safe(boundary))}.js";

    public static string Safe(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else sb.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
