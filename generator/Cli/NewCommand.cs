using System.CommandLine;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Scaffolding;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Cli;

/// <summary><c>generator new historie "Tittel"</c>: writes a new page with its front matter filled in.</summary>
public static class NewCommand
{
    public static Command Create(TextWriter output)
    {
        var kind = new Argument<string>("kind") { Description = "historie, metode, refleksjon or kontakt (story, method, guide, contact)." };
        kind.AcceptOnlyFromAmong([.. PageScaffold.Kinds.Keys]);
        var title = new Argument<string>("title") { Description = "The page's title; the file name is made from it (æ→ae, ø→o, å→a)." };
        var content = new Option<string>("--content") { Description = "Folder with the Markdown pages.", DefaultValueFactory = _ => "content", HelpName = "dir" };
        var command = new Command("new", "Start a new page: writes content/<folder>/<slug>.md with every required key and a Norwegian comment for each, and prints its path. Never overwrites a file.")
        {
            kind, title, content,
        };
        command.SetAction(r => Run(r.GetValue(kind)!, r.GetValue(title)!, r.GetValue(content)!, DateOnly.FromDateTime(DateTime.Now), output));
        return command;
    }

    public static int Run(string kindName, string title, string contentDir, DateOnly today, TextWriter output)
    {
        var kind = PageScaffold.Kinds[kindName];
        var slug = Slugifier.Slugify(title);
        if (slug.Length == 0) throw new UsageException($"The title '{title}' has no letters or digits to make a file name from.");
        if (!Directory.Exists(contentDir)) throw new UsageException($"The content folder '{contentDir}' does not exist.");
        var path = Path.Combine(contentDir, PageKinds.FolderOf(kind), slug + ".md");
        var shown = PathDisplay.Current.ForUser(path);
        if (File.Exists(path))
        {
            output.WriteLine($"{shown}: finnes fra før og er ikke endret. Velg en annen tittel, eller rediger filen.");
            return ExitCodes.ContentErrors;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(path, FileMode.CreateNew))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(PageScaffold.Text(kind, title.Trim(), today));
        }
        output.WriteLine(shown);
        return ExitCodes.Success;
    }
}
