using System.CommandLine;
using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.Cli;

/// <summary>The options build and check share, and how they become <see cref="BuildOptions"/>.</summary>
public sealed class CommonOptions
{
    public Option<string> Content { get; } = new("--content")
    {
        Description = "Folder with the Markdown pages (and _data/ for site data).",
        DefaultValueFactory = _ => "content",
        HelpName = "dir",
    };

    public Option<string> Templates { get; } = new("--templates")
    {
        Description = "Folder with the Scriban layouts, partials, UI strings and assets.",
        DefaultValueFactory = _ => "templates",
        HelpName = "dir",
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Folder the site is written to. It is replaced in one step, and only when the build has no errors.",
        DefaultValueFactory = _ => "site",
        HelpName = "dir",
    };

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = "Public address of the site, e.g. https://intranett.example/kvalitet/abc/. Needed for sitemap.xml, feed.xml and a 404 page that works at any depth; links inside the site stay relative.",
        HelpName = "url",
    };

    public Option<bool> Drafts { get; } = new("--drafts")
    {
        Description = "Include pages marked draft: true.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Content);
        command.Options.Add(Templates);
        command.Options.Add(Output);
        command.Options.Add(BaseUrl);
        command.Options.Add(Drafts);
    }

    public BuildOptions Read(ParseResult result) =>
        new(result.GetValue(Content)!, result.GetValue(Templates)!, result.GetValue(Output)!,
            ParseBaseUrl(result.GetValue(BaseUrl)), result.GetValue(Drafts));

    /// <summary>An absolute http(s) URL that ends with '/', or null when none was given.</summary>
    public static Uri? ParseBaseUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!text.EndsWith('/')) text += "/";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"--base-url must be an absolute http(s) address, not '{text.TrimEnd('/')}'.");
    }
}
