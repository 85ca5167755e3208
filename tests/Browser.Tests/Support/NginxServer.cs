using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>
/// Debian's nginx serving a folder under a sub-path on a free loopback port, as the intranet's
/// server would: "/kvalitet/abc/x/" → x/index.html, 404.html for anything missing, and a strict
/// Content-Security-Policy (default-src 'self'). Runs in
/// the foreground of its own process (no daemon, no master) with every file in a temporary
/// prefix, and is stopped by its process id.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    public NginxServer(string siteDir, string subPath)
    {
        _prefix = Path.Combine(Path.GetTempPath(), "abc-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_prefix, "tmp"));
        // A free port can be taken by another process (the generator suite's test servers run beside
        // this one) before nginx binds it: then nginx is stopped and another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            BaseUri = new Uri($"http://127.0.0.1:{port}{subPath}");
            var config = Path.Combine(_prefix, "nginx.conf");
            File.WriteAllText(config, Config(Path.GetFullPath(siteDir), subPath, port));
            var start = new ProcessStartInfo(Executable())
            {
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-p", _prefix, "-c", config, "-e", Path.Combine(_prefix, "error.log") }) start.ArgumentList.Add(arg);
            _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
            try
            {
                WaitUntilListening(port);
                return;
            }
            catch (InvalidOperationException) when (attempt < 5 && ErrorLog.Contains("Address already in use", StringComparison.Ordinal))
            {
                File.Delete(Path.Combine(_prefix, "error.log"));
            }
        }
    }

    public Uri BaseUri { get; }

    /// <summary>What nginx logged (errors), for a failing test's message.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_prefix, "error.log")) ? File.ReadAllText(Path.Combine(_prefix, "error.log")) : string.Empty;

    public static string Executable() =>
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed; ./test.sh installs it (apt-get install nginx).");

    private string Config(string site, string subPath, int port)
    {
        var types = new StringBuilder();
        foreach (var (type, extensions) in MimeTypes) types.Append("    ").Append(type).Append(' ').Append(extensions).Append(";\n");
        return $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{_prefix}}/nginx.pid;
            error_log {{_prefix}}/error.log warn;
            events { worker_connections 128; }
            http {
              types {
            {{types}}  }
              default_type application/octet-stream;
              charset utf-8;
              charset_types text/css application/javascript text/vtt image/svg+xml application/xml;
              access_log {{_prefix}}/access.log;
              client_body_temp_path {{_prefix}}/tmp/body;
              proxy_temp_path {{_prefix}}/tmp/proxy;
              fastcgi_temp_path {{_prefix}}/tmp/fastcgi;
              uwsgi_temp_path {{_prefix}}/tmp/uwsgi;
              scgi_temp_path {{_prefix}}/tmp/scgi;
              server {
                listen 127.0.0.1:{{port}};
                server_name localhost;
                # What the intranet's server should send: nothing but the site itself may load.
                # A page that breaks it shows a console error, which the tests count.
                add_header Content-Security-Policy "{{BrowserFixture.Csp}}" always;
                location {{subPath}} {
                  alias {{site}}/;
                  index index.html;
                }
                error_page 404 {{subPath}}404.html;
              }
            }
            """;
    }

    private static readonly (string Type, string Extensions)[] MimeTypes =
    [
        ("text/html", "html"), ("text/css", "css"), ("application/javascript", "js"), ("application/json", "json"),
        ("image/svg+xml", "svg"), ("image/png", "png"), ("image/jpeg", "jpg jpeg"), ("image/gif", "gif"), ("image/webp", "webp"),
        ("video/webm", "webm"), ("video/mp4", "mp4"), ("text/vtt", "vtt"), ("application/xml", "xml"),
        ("application/atom+xml", "atom"), ("font/woff2", "woff2"), ("text/plain", "txt"), ("application/pdf", "pdf"),
    ];

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"nginx stopped at start (exit {_process.ExitCode}): {ErrorLog}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                // Something listens; make sure it is nginx, not another process holding a port nginx
                // could not bind (nginx logs that at once, then tries again for a few seconds).
                Thread.Sleep(100);
                if (_process.HasExited || ErrorLog.Contains("Address already in use", StringComparison.Ordinal))
                {
                    if (!_process.HasExited) _process.Kill();
                    _process.WaitForExit();
                    throw new InvalidOperationException($"nginx could not listen on port {port}: {ErrorLog}");
                }
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"nginx did not listen on port {port} within 20 s: {ErrorLog}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_prefix, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
