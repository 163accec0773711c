using BenchmarkDotNet.Attributes;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Benchmarks;

/// <summary>
/// One whole turn — load the conversation, match the input, fire the state machine, render,
/// save — alternating between a situation menu and a situation's recipes, so every turn moves.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TurnBenchmarks
{
    private const string ConversationId = "bench:1";
    private readonly IncomingMessage _toRecipes = new(ConversationId, "no-partners");
    private readonly IncomingMessage _toMenu = new(ConversationId, "other-situation");
    private TurnRunner _memory = null!;
    private TurnRunner _sqlite = null!;
    private string _databasePath = null!;
    private SqliteDatabase _sqliteDatabase = null!;
    private bool _atMenu;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var flow = CompiledFlow.Compile(ContentLoader.LoadValid(FindDialogs()));
        _databasePath = Path.Combine(Path.GetTempPath(), $"recipebot-bench-{Guid.NewGuid():N}.db");
        var engine = new RecipeEngine(flow, TimeProvider.System);
        var memory = new InMemoryConversationStore();
        _memory = new TurnRunner(engine, memory, memory, new OutboxSignal(), NullLogger<TurnRunner>.Instance);
        _sqliteDatabase = new SqliteDatabase(_databasePath);
        var sqlite = new SqliteConversationStore(_sqliteDatabase);
        _sqlite = new TurnRunner(engine, sqlite, sqlite, new OutboxSignal(), NullLogger<TurnRunner>.Instance);
        foreach (var turns in new[] { _memory, _sqlite })
        {
            foreach (var text in new[] { "/start", "en", "official", "contact" })
            {
                await turns.RunAsync(new IncomingMessage(ConversationId, text), CancellationToken.None);
            }
        }

        _atMenu = true;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqliteDatabase.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<OutgoingMessage?> TurnInMemory() => TurnAsync(_memory);

    [Benchmark]
    public Task<OutgoingMessage?> TurnWithSqlite() => TurnAsync(_sqlite);

    private Task<OutgoingMessage?> TurnAsync(TurnRunner turns)
    {
        var message = _atMenu ? _toRecipes : _toMenu;
        _atMenu = !_atMenu;
        return turns.RunAsync(message, CancellationToken.None);
    }

    internal static string FindDialogs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dialogs", ContentLoader.FlowFile)))
            {
                return Path.Combine(dir.FullName, "dialogs");
            }
        }

        throw new InvalidOperationException("dialogs/ not found");
    }
}
