using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'   (see bench/hot-functions.sh)
BenchmarkSwitcher.FromAssembly(typeof(ForbedringsAbc.Benchmarks.HotFunctions).Assembly).Run(args);
