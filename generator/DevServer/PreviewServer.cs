using System.Reflection;
using System.Text;
using ForbedringsAbc.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForbedringsAbc.DevServer;

/// <summary>
/// The preview web server: serves the in-memory site at http://host:port/, with a reload script
/// and, while the content has errors, an overlay listing them injected into every page. Only files
/// of the built site are ever served: a path is looked up in the build's output, never on disk.
/// </summary>
public sealed class PreviewServer(PreviewBuilder builder)
{
    private const string ClientPath = "/__abc/client.js";
    private const string OverlayCssPath = "/__abc/overlay.css";
    private readonly VersionSignal _signal = new();

    public WebApplication Create(string host, int port)
    {
        var app = WebApplication.CreateSlimBuilder();
        app.Logging.ClearProviders();
        app.WebHost.UseUrls($"http://{host}:{port}");
        var web = app.Build();
        builder.Changed += state => _signal.Publish(state.Version);
        web.MapGet("/__abc/events", Events);
        web.MapGet(ClientPath, context => Embedded(context, "client.js", "text/javascript; charset=utf-8"));
        web.MapGet(OverlayCssPath, context => Embedded(context, "overlay.css", "text/css; charset=utf-8"));
        web.MapFallback(Serve);
        return web;
    }

    private async Task Serve(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!PreviewPaths.IsSafe(path))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var state = builder.State;
        var (key, redirect) = PreviewPaths.Lookup(path, state.Files);
        if (redirect is not null)
        {
            context.Response.Redirect(redirect, permanent: false);
            return;
        }
        if (key is null || !state.Files.TryGetValue(key, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (state.Files.TryGetValue("404.html", out var notFound)) await WriteHtml(context, notFound.Text ?? string.Empty, state);
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = ContentTypes.For(key);
        if (file.Text is not null && key.EndsWith(".html", StringComparison.Ordinal)) await WriteHtml(context, file.Text, state);
        else if (file.Text is not null) await context.Response.WriteAsync(file.Text);
        else await context.Response.SendFileAsync(file.SourcePath!);
    }

    private static Task WriteHtml(HttpContext context, string html, PreviewState state)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var injected = new StringBuilder();
        injected.Append("<link rel=\"stylesheet\" href=\"").Append(OverlayCssPath).Append("\">");
        if (state.HasErrors) injected.Append(Overlay.Html(state.Diagnostics));
        injected.Append("<script src=\"").Append(ClientPath).Append("\" defer></script>");
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var page = end < 0 ? html + injected : html.Insert(end, injected.ToString());
        return context.Response.WriteAsync(page);
    }

    private async Task Events(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var aborted = context.RequestAborted;
        var known = -1;
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var version = builder.State.Version;
                if (version != known)
                {
                    await context.Response.WriteAsync($"event: version\ndata: {version}\n\n", aborted);
                    await context.Response.Body.FlushAsync(aborted);
                    known = version;
                }
                await _signal.WaitAsync(known, TimeSpan.FromSeconds(15), aborted);
                await context.Response.WriteAsync(": keep-alive\n\n", aborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed or reloaded.
        }
    }

    private static async Task Embedded(HttpContext context, string name, string type)
    {
        await using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream($"DevServer.{name}")!;
        context.Response.ContentType = type;
        context.Response.Headers.CacheControl = "no-store";
        await stream.CopyToAsync(context.Response.Body);
    }

    /// <summary>The problem overlay: every diagnostic with file, line and column, in Norwegian.</summary>
    private static class Overlay
    {
        public static string Html(IReadOnlyList<Diagnostics.Diagnostic> diagnostics)
        {
            var sb = new StringBuilder();
            var errors = diagnostics.Count(d => d.IsError);
            sb.Append("<section id=\"abc-overlay\" role=\"alert\" aria-labelledby=\"abc-overlay-title\">");
            sb.Append("<h2 id=\"abc-overlay-title\">Nettstedet kan ikke bygges: ").Append(errors).Append(errors == 1 ? " feil" : " feil")
              .Append(". Du ser siste versjon som virket.</h2><ol>");
            foreach (var d in diagnostics)
            {
                sb.Append("<li class=\"").Append(d.IsError ? "error" : "warning").Append("\"><code>")
                  .Append(HtmlText.Escape(d.Span.ToString())).Append("</code> ")
                  .Append(d.IsError ? "feil" : "advarsel").Append(' ').Append(d.Code).Append(": ")
                  .Append(HtmlText.Escape(d.Message)).Append("</li>");
            }
            sb.Append("</ol><button type=\"button\" id=\"abc-overlay-close\">Skjul</button></section>");
            return sb.ToString();
        }
    }
}
