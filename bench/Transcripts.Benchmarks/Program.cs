using BenchmarkDotNet.Running;

// Run from the repository root:
//   dotnet run -c Release --project bench/Transcripts.Benchmarks -- --filter '*'
// Each benchmark class uses BenchmarkDotNet's short run job, so a full run takes a few minutes.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
