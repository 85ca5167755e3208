using ForbedringsAbc.Fuzz;
using SharpFuzz;

// abc-fuzz                 under afl-fuzz (SharpFuzz's persistent mode): one input per iteration
// abc-fuzz --replay PATH…  runs each file (or each file in each folder) once and prints the failures
var templates = Environment.GetEnvironmentVariable("ABC_TEMPLATES") ?? FindTemplates();
using var target = new FuzzTarget(templates);

if (args.Length > 0 && args[0] == "--replay")
{
    var files = args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
    var failed = 0;
    foreach (var file in files)
    {
        try
        {
            target.Run(File.ReadAllBytes(file));
        }
        catch (FuzzFailure e)
        {
            failed++;
            Console.WriteLine($"FAIL {file}: {e.Message}");
        }
    }
    Console.WriteLine($"{files.Count} inputs, {failed} failed");
    return failed == 0 ? 0 : 1;
}

Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;

static string FindTemplates()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ForbedringsABC.sln"))) dir = dir.Parent;
    return dir is null ? throw new InvalidOperationException("Set ABC_TEMPLATES: ForbedringsABC.sln not found above " + AppContext.BaseDirectory)
        : Path.Combine(dir.FullName, "templates");
}
