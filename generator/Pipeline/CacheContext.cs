using System.Security.Cryptography;
using System.Text;
using ForbedringsAbc.Loading;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// A fingerprint of everything every page depends on besides its own file: the templates folder
/// (layouts, partials, strings, default data), the site data in content/_data, and the options.
/// </summary>
public static class CacheContext
{
    /// <summary>
    /// What every page of a build depends on besides the content: <see cref="Of(BuildOptions)"/>,
    /// the date the rules compare with, and the folder messages name files from.
    /// </summary>
    public static string Of(BuildOptions options, DateOnly today) =>
        Of(options) + today.ToString("O") + "|" + (options.DisplayBase ?? Directory.GetCurrentDirectory());

    public static string Of(BuildOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{options.BaseUrl}|{options.IncludeDrafts}|{options.Today}|{Path.GetFullPath(options.ContentDir)}\n"));
        foreach (var dir in new[] { options.TemplatesDir, Path.Combine(options.ContentDir, ContentLoader.DataFolder) })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(dir, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
