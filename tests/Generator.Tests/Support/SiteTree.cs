using System.Security.Cryptography;

namespace ForbedringsAbc.Tests.Support;

/// <summary>A built site as path → content hash, to compare two builds byte for byte.</summary>
public static class SiteTree
{
    public static SortedDictionary<string, string> Hashes(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(dir, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return result;
    }
}
