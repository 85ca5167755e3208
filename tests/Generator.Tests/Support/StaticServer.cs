using System.Net;
using System.Net.Sockets;

namespace ForbedringsAbc.Tests.Support;

/// <summary>
/// A plain static file server on loopback that serves a folder under a sub-path, as nginx or
/// IIS would on the intranet: "/kvalitet/abc/x/" → x/index.html; 404 for anything else.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly string _prefix;
    private readonly Task _loop;

    public StaticServer(string root, string subPath)
    {
        _root = Path.GetFullPath(root);
        _prefix = subPath;
        // A free port can be taken by another process (the browser suite's servers run beside this
        // one) before the listener claims it: then another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
                continue;
            }
            _listener = listener;
            BaseUri = new Uri($"http://127.0.0.1:{port}{subPath}");
            break;
        }
        _loop = Task.Run(Serve);
    }

    public Uri BaseUri { get; }

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
            try
            {
                Respond(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away mid-response: serve the next request.
            }
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        string? file = null;
        if (path.StartsWith(_prefix, StringComparison.Ordinal))
        {
            var relative = path[_prefix.Length..];
            var candidate = Path.GetFullPath(Path.Combine(_root, relative));
            if (candidate.StartsWith(_root, StringComparison.Ordinal))
            {
                if (Directory.Exists(candidate)) candidate = Path.Combine(candidate, "index.html");
                if (File.Exists(candidate)) file = candidate;
            }
        }
        using var response = context.Response;
        if (file is null)
        {
            response.StatusCode = 404;
            return;
        }
        var bytes = File.ReadAllBytes(file);
        response.ContentType = file.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=utf-8" : "application/octet-stream";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
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
