using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright .NET. Playwright never downloads a browser here: it
/// starts the one at <see cref="ExecutablePath"/> with flags that keep it off the (closed)
/// network, and a fresh temporary profile (--user-data-dir) for each launch.
/// </summary>
public static class Chromium
{
    /// <summary>/usr/bin/chromium, or CHROMIUM_PATH.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static readonly IReadOnlyList<string> Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--mute-audio",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}; ./test.sh installs it (apt-get install chromium).");
        }
        // Playwright itself adds --user-data-dir with a new temporary folder for every launch.
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = 60_000,
        });
    }
}
