using BenchmarkDotNet.Attributes;
using RecipeBot.Core.Content;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Loading;

namespace RecipeBot.Benchmarks;

/// <summary>Free-text recognition: one classification, training at start-up, and loading the cached model.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DiagnosisBenchmarks
{
    private string _dialogs = null!;
    private ContentSet _content = null!;
    private IntentDiagnoser _diagnoser = null!;
    private string _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dialogs = TurnBenchmarks.FindDialogs();
        _content = ContentLoader.LoadValid(_dialogs);
        _cache = Path.Combine(Path.GetTempPath(), $"recipebot-bench-model-{Guid.NewGuid():N}.bin");
        _diagnoser = IntentDiagnoser.FromContent(_dialogs, _content, out _, _cache);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_cache);

    [Benchmark]
    public Diagnosis Classify() => _diagnoser.Diagnose("vallavalitsus ei vasta meie kirjadele ja volikogu on vastu");

    [Benchmark]
    public IntentDiagnoser TrainWithThresholds() => IntentDiagnoser.FromContent(_dialogs, _content, out _);

    [Benchmark]
    public IntentDiagnoser LoadFromCache() => IntentDiagnoser.FromContent(_dialogs, _content, out _, _cache);
}
