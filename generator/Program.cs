using System.Globalization;
using ForbedringsAbc.Cli;
using ForbedringsAbc.Platform;

// First, before the heap grows: see GcHeapPages.
GcHeapPages.Apply();

// Output must not depend on the machine's culture: every format below is invariant.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = System.Text.Encoding.UTF8;
return CommandLine.Run(args, Console.Out, Console.Error);
