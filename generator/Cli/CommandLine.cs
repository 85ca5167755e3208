using System.CommandLine;

namespace ForbedringsAbc.Cli;

/// <summary>The command tree, and the rule that a wrong command line exits with 2.</summary>
public static class CommandLine
{
    public static RootCommand CreateRoot(TextWriter output)
    {
        var root = new RootCommand(
            "ForbedringsABC site generator: turns the Markdown pages in content/ and the templates in templates/ " +
            "into a static website in site/ that works at a server's root, under a sub-path, and opened from disk.\n\n" +
            "Examples:\n" +
            "  generator build                          build content/ into site/\n" +
            "  generator build --base-url https://intranett.example/kvalitet/abc/\n" +
            "  generator check --format github          report every problem, write nothing\n" +
            "  generator serve                          preview at http://127.0.0.1:8080/, updated when you save\n" +
            "  generator new historie \"Tavlemøter på sengeposten\"   start a new page");
        root.Subcommands.Add(BuildCommand.Create(output));
        root.Subcommands.Add(CheckCommand.Create(output));
        root.Subcommands.Add(NewCommand.Create(output));
        root.Subcommands.Add(ServeCommand.Create(output));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CreateRoot(output);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run 'generator --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
