using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RecipeBot.Benchmarks.TurnBenchmarks).Assembly).Run(args);
