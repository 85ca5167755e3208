using System.CommandLine;
using ForbedringsAbc.DevServer;
using ForbedringsAbc.Pipeline;
using Microsoft.Extensions.Hosting;

namespace ForbedringsAbc.Cli;

/// <summary>
/// <c>generator serve</c>: builds into memory (drafts included), serves on loopback, and rebuilds
/// and reloads open pages when a file in content/ or templates/ changes.
/// </summary>
public static class ServeCommand
{
    public static Command Create(TextWriter output)
    {
        var options = new CommonOptions();
        var port = new Option<int>("--port", "-p") { Description = "Port to serve on.", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to listen on. Only this machine can connect unless you give another (e.g. 0.0.0.0).", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Preview the site: build into memory with drafts, serve it at http://127.0.0.1:8080/, rebuild what a change touches and reload the browser. Problems are shown over the page.");
        command.Options.Add(options.Content);
        command.Options.Add(options.Templates);
        command.Options.Add(port);
        command.Options.Add(host);
        command.SetAction((result, cancel) => RunAsync(options.Read(result) with { IncludeDrafts = true }, result.GetValue(host)!, result.GetValue(port), output, cancel));
        return command;
    }

    public static async Task<int> RunAsync(BuildOptions options, string host, int port, TextWriter output, CancellationToken cancel)
    {
        FolderGuard.CheckInputs(options);
        var builder = new PreviewBuilder(options, output);
        await builder.RebuildAsync();
        await using var web = new PreviewServer(builder).Create(host, port);
        using var watcher = new ChangeWatcher([options.ContentDir, options.TemplatesDir], TimeSpan.FromMilliseconds(30),
            changed => _ = builder.RebuildAsync(changed));
        try
        {
            await web.StartAsync(cancel);
        }
        catch (IOException e)
        {
            output.WriteLine($"Kan ikke starte forhåndsvisningen på {host}:{port}: {e.Message} Velg en annen port med --port.");
            return ExitCodes.ContentErrors;
        }
        output.WriteLine($"Forhåndsvisning: http://{host}:{port}/  (Ctrl+C avslutter)");
        // Ends on Ctrl+C or SIGTERM (the host's console lifetime) or when the caller cancels.
        await web.WaitForShutdownAsync(cancel);
        return ExitCodes.Success;
    }
}
