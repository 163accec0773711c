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
/// One whole turn — load the conversation, match the input, fire the dialog's Stateless machine, render,
/// save the conversation with its reply as an outbox row in one transaction — alternating between a
/// situation menu and a situation's recipes, so every turn moves. Every 256 turns the rows are deleted, as
/// the outbox sender does once the channel confirmed them, so the outbox stays small and its delete is
/// part of the cost.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TurnBenchmarks
{
    private const string ConversationId = "bench:1";
    private readonly IncomingMessage _toRecipes = new(ConversationId, "no-partners");
    private readonly IncomingMessage _toMenu = new(ConversationId, "other-situation");
    private const int DrainEvery = 256;
    private TurnRunner _memory = null!;
    private TurnRunner _sqlite = null!;
    private IOutboxStore _memoryOutbox = null!;
    private IOutboxStore _sqliteOutbox = null!;
    private int _turns;
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
        _memoryOutbox = memory;
        _sqliteDatabase = new SqliteDatabase(_databasePath);
        var sqlite = new SqliteConversationStore(_sqliteDatabase);
        _sqlite = new TurnRunner(engine, sqlite, sqlite, new OutboxSignal(), NullLogger<TurnRunner>.Instance);
        _sqliteOutbox = sqlite;
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
    public Task<OutgoingMessage?> TurnInMemory() => TurnAsync(_memory, _memoryOutbox);

    [Benchmark]
    public Task<OutgoingMessage?> TurnWithSqlite() => TurnAsync(_sqlite, _sqliteOutbox);

    private async Task<OutgoingMessage?> TurnAsync(TurnRunner turns, IOutboxStore outbox)
    {
        var message = _atMenu ? _toRecipes : _toMenu;
        _atMenu = !_atMenu;
        var reply = await turns.RunAsync(message, CancellationToken.None).ConfigureAwait(false);
        if (++_turns % DrainEvery == 0)
        {
            var sent = await outbox.PendingAsync("bench:", 0, DrainEvery, DateTimeOffset.MaxValue, CancellationToken.None).ConfigureAwait(false);
            await outbox.CompleteAsync([.. sent.Select(item => item.Id)], CancellationToken.None).ConfigureAwait(false);
        }

        return reply;
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
