using System.Net;
using System.Net.Sockets;
using System.Text;
using ForbedringsAbc.Cli;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// <c>serve</c> end to end: it serves the site, rebuilds on a change and tells open pages to
/// reload, shows an overlay with the exact problem while the content is broken, and never serves
/// anything outside the built site.
/// </summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly FixtureSite _site = new(Pages.MinimalSite());
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly int _port = FreePort();
    private Task<int>? _server;

    private Uri Url(string path) => new($"http://127.0.0.1:{_port}/{path}");

    public async Task InitializeAsync()
    {
        _server = ServeCommand.RunAsync(_site.Options(drafts: true), "127.0.0.1", _port, TextWriter.Null, _stop.Token);
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var response = await _http.GetAsync(Url(""));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("serve did not start");
    }

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        if (_server is not null) await _server;
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task A_change_is_served_and_open_pages_are_told_to_reload()
    {
        var page = await _http.GetStringAsync(Url("metoder/pdsa/"));
        Assert.Contains("<script src=\"/__abc/client.js\" defer></script>", page);
        Assert.DoesNotContain("abc-overlay\"", page);

        using var events = new EventReader(await _http.GetStreamAsync(Url("__abc/events")));
        var first = await events.NextVersion();
        _site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er det?\n\nHelt ny tekst om PDSA.\n"));
        var next = await events.NextVersion();
        Assert.True(next > first);
        Assert.Contains("Helt ny tekst om PDSA.", await _http.GetStringAsync(Url("metoder/pdsa/")));
    }

    [Fact]
    public async Task A_broken_file_shows_an_overlay_on_every_page_until_it_is_fixed()
    {
        using var events = new EventReader(await _http.GetStreamAsync(Url("__abc/events")));
        await events.NextVersion();
        _site.WriteFile("historier/tavlemoter.md", Pages.Story("Tavlemøter", contact: "ukjent-person"));
        await events.NextVersion();

        var other = await _http.GetStringAsync(Url("metoder/pdsa/"));
        Assert.Contains("id=\"abc-overlay\"", other);
        Assert.Contains("content/historier/tavlemoter.md(7,10)", other);
        Assert.Contains("ABC201", other);
        var story = await _http.GetStringAsync(Url("historier/tavlemoter/"));
        Assert.Contains("Historien om Tavlemøter.", story);

        _site.WriteFile("historier/tavlemoter.md", Pages.Story("Tavlemøter"));
        await events.NextVersion();
        Assert.DoesNotContain("id=\"abc-overlay\"", await _http.GetStringAsync(Url("metoder/pdsa/")));
    }

    [Fact]
    public async Task Drafts_are_shown_with_a_banner()
    {
        using var events = new EventReader(await _http.GetStreamAsync(Url("__abc/events")));
        await events.NextVersion();
        _site.WriteFile("metoder/utkast.md", Pages.Method("Utkast").Replace("phase: planlegge\n", "phase: planlegge\ndraft: true\n"));
        await events.NextVersion();
        Assert.Contains("UTKAST", await _http.GetStringAsync(Url("metoder/utkast/")));
    }

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/metoder/../../content/metoder/pdsa.md")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..%2f..%2fetc%2fpasswd")]
    [InlineData("/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/%2E%2E/%2E%2E/content/metoder/pdsa.md")]
    [InlineData("/..%5c..%5cetc%5cpasswd")]
    [InlineData("/%5c..%5c..%5cetc%5cpasswd")]
    [InlineData("/metoder/..%5c..%5ccontent%5cmetoder%5cpdsa.md")]
    [InlineData("/..\\..\\etc\\passwd")]
    [InlineData("//etc/passwd")]
    [InlineData("/%2fetc/passwd")]
    [InlineData("/%2Fetc%2Fpasswd")]
    [InlineData("/%252e%252e/%252e%252e/etc/passwd")]
    [InlineData("/metoder/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/./../etc/passwd")]
    [InlineData("http://127.0.0.1/../../etc/passwd")]
    public async Task Paths_out_of_the_site_are_refused(string path)
    {
        var (status, body) = await RawGet(path);
        Assert.True(status is 400 or 404, $"{path} answered {status}");
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("phase: planlegge", body);
    }

    [Theory]
    [InlineData("/assets/")]
    [InlineData("/assets/css/")]
    [InlineData("/sok/indeks/")]
    public async Task A_folder_without_an_index_page_is_404_never_a_listing(string path)
    {
        var (status, response) = await RawGet(path);
        var (_, missing) = await RawGet("/finnes/ikke/");
        Assert.Equal(404, status);
        // Exactly the answer to a page that does not exist: the site's 404 page, no file names.
        Assert.Equal(Body(missing), Body(response));
    }

    [Fact]
    public async Task Serve_listens_on_loopback_only_unless_told_otherwise()
    {
        var port = FreePort();
        using var process = GeneratorProcess.Start(_site.Root, null, "serve", "--content", _site.ContentDir, "--templates", Repo.Templates, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            while (line is not null && !line.StartsWith("Forhåndsvisning:", StringComparison.Ordinal)) line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"Forhåndsvisning: http://127.0.0.1:{port}/  (Ctrl+C avslutter)", line);
            using (var loopback = new TcpClient()) await loopback.ConnectAsync(IPAddress.Loopback, port);
            var others = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
                .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal)
                .ToList();
            foreach (var address in others)
            {
                using var client = new TcpClient(address.AddressFamily);
                await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, port));
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Folders_redirect_to_their_slash_and_unknown_pages_are_404()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var folder = await noRedirect.GetAsync(Url("metoder"));
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
        Assert.Equal("/metoder/", folder.Headers.Location!.OriginalString);
        using var missing = await _http.GetAsync(Url("finnes/ikke/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string Body(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

    /// <summary>Sends the path exactly as written (HttpClient would clean it up first); the status and the whole response.</summary>
    private async Task<(int Status, string Response)> RawGet(string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return (int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Reads the server-sent "version" events, as the page's reload script does.</summary>
    private sealed class EventReader(Stream stream) : IDisposable
    {
        private readonly StreamReader _reader = new(stream);

        public async Task<int> NextVersion()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var isVersion = false;
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
                if (line == "event: version") isVersion = true;
                else if (isVersion && line.StartsWith("data: ", StringComparison.Ordinal)) return int.Parse(line[6..]);
            }
        }

        public void Dispose() => _reader.Dispose();
    }
}
