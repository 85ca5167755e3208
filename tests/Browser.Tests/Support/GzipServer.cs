using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>
/// A plain static server on loopback, as nginx would serve the site under a sub-path: gzip when
/// the browser asks for it, real content types, and optionally a strict Content-Security-Policy.
/// Counts the bytes it sends, so tests can measure what a query costs.
/// </summary>
public sealed class GzipServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;
    private readonly string? _csp;
    private readonly Task _loop;
    private long _bytes;
    private int _requests;

    public GzipServer(string root, string subPath, string? csp = null)
    {
        _root = Path.GetFullPath(root);
        _prefix = subPath;
        _csp = csp;
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}{subPath}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public Uri BaseUri { get; }

    /// <summary>Bytes of response bodies sent (after gzip) and requests answered since the last reset.</summary>
    public (long Bytes, int Requests) Sent => (Interlocked.Read(ref _bytes), _requests);

    public void Reset()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _requests, 0);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var file = Find(Uri.UnescapeDataString(context.Request.Url!.AbsolutePath));
        if (file is null)
        {
            response.StatusCode = 404;
            return;
        }
        var bytes = File.ReadAllBytes(file);
        if (_csp is not null) response.AddHeader("Content-Security-Policy", _csp);
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        if ((context.Request.Headers["Accept-Encoding"] ?? string.Empty).Contains("gzip", StringComparison.Ordinal))
        {
            using var packed = new MemoryStream();
            using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
            bytes = packed.ToArray();
            response.AddHeader("Content-Encoding", "gzip");
        }
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Increment(ref _requests);
    }

    private string? Find(string path)
    {
        if (!path.StartsWith(_prefix, StringComparison.Ordinal)) return null;
        var candidate = Path.GetFullPath(Path.Combine(_root, path[_prefix.Length..]));
        if (!candidate.StartsWith(_root, StringComparison.Ordinal)) return null;
        if (Directory.Exists(candidate)) candidate = Path.Combine(candidate, "index.html");
        return File.Exists(candidate) ? candidate : null;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
