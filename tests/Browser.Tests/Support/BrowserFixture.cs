using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>
/// Builds the search fixture site (tests/fixtures/search-site) once with the generator, serves it
/// under a sub-path with gzip and a strict CSP, and starts Debian's Chromium through Playwright
/// with a fresh profile. Shared by the tests of one class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Csp = "default-src 'self'";

    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "abc-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public string Site => Path.Combine(_dir, "site");

    public GzipServer Server { get; private set; } = null!;

    public IBrowserContext Context { get; private set; } = null!;

    public static string RepoRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var content = Path.Combine(RepoRoot, "tests", "fixtures", "search-site", "content");
        var options = new BuildOptions(content, Path.Combine(RepoRoot, "templates"), Site, null, false, RepoRoot);
        var result = new BuildPipeline().Run(options, new DirectorySink(Site));
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        Server = new GzipServer(Site, "/kvalitet/abc/", Csp);
        _playwright = await Playwright.CreateAsync();
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(_dir, "profile"), new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = Args,
        });
    }

    /// <summary>A second, fresh browser whose pages run no JavaScript (the reader with scripts off).</summary>
    public async Task<IBrowserContext> NewContextWithoutJavaScript()
    {
        var browser = await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Args });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        context.Close += async (_, _) => await browser.CloseAsync();
        return context;
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright?.Dispose();
        Server.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ForbedringsABC.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ForbedringsABC.sln not found above the test folder.");
    }
}
