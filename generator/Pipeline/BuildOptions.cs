namespace ForbedringsAbc.Pipeline;

/// <summary>What to build from where: the folders, the public base URL (for sitemap and feed), drafts or not.</summary>
public sealed record BuildOptions(string ContentDir, string TemplatesDir, string OutputDir, Uri? BaseUrl, bool IncludeDrafts);
