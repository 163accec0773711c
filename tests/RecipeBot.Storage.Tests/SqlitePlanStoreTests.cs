using RecipeBot.Core.Plans;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests;

/// <summary>Plans in a real SQLite file: what was saved is there after the file is opened again.</summary>
public sealed class SqlitePlanStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-plans-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task APlan_SurvivesARestart_WithEveryField()
    {
        var saved = Plan("telegram:-100");
        await Open().SaveAsync(saved, CancellationToken.None);

        var loaded = await Open().GetAsync("telegram:-100", CancellationToken.None);

        Assert.Equal(saved.ToJson(), loaded!.ToJson());
        var commitment = Assert.Single(loaded.Commitments);
        Assert.Equal(new Milestone("Prototype", new DateOnly(2027, 3, 31)), Assert.Single(commitment.Milestones));
        Assert.Equal(CompletionLevel.Substantial, commitment.Progress[0].Level);
        Assert.True(commitment.HasPartners);
    }

    [Fact]
    public async Task Save_ReplacesThePlan_AndListAndDeleteSeeIt()
    {
        var store = Open();
        var plan = Plan("a");
        await store.SaveAsync(plan, CancellationToken.None);
        await store.SaveAsync(Plan("b"), CancellationToken.None);
        plan.Commitments[0].Level = CompletionLevel.Complete;
        await store.SaveAsync(plan, CancellationToken.None);

        await store.DeleteAsync("b", CancellationToken.None);

        var all = await Open().ListAsync(CancellationToken.None);
        Assert.Equal(["a"], all.Select(p => p.ConversationId));
        Assert.Equal(CompletionLevel.Complete, all[0].Commitments[0].Level);
        Assert.Null(await store.GetAsync("b", CancellationToken.None));
    }

    [Fact]
    public async Task GroupMigratingToASupergroup_TakesItsPlanAlong_InSqlite()
    {
        var database = new SqliteDatabase(Path.Combine(_directory, "bot.db"));
        _databases.Add(database);
        var plans = new SqlitePlanStore(database);
        var conversations = new SqliteConversationStore(database, TimeProvider.System);
        var chats = new SqliteChannelStore(database, conversations, TimeProvider.System, new SqliteMeetingStore(database, TimeProvider.System), plans);
        var saved = Plan("telegram:-100");
        await plans.SaveAsync(saved, CancellationToken.None);

        await chats.MigrateAsync("telegram:-100", "telegram:-1009", CancellationToken.None);

        var moved = await Open().GetAsync("telegram:-1009", CancellationToken.None);
        Assert.Equal("telegram:-1009", moved!.ConversationId);
        Assert.Equal(saved.Commitments[0].Id, Assert.Single(moved.Commitments).Id);
        Assert.Null(await Open().GetAsync("telegram:-100", CancellationToken.None));
    }

    [Fact]
    public async Task GroupMigratingToASupergroup_TakesItsPlanAlong_InMemory()
    {
        var plans = new InMemoryPlanStore();
        var conversations = new RecipeBot.Core.Conversations.InMemoryConversationStore();
        var chats = new RecipeBot.Storage.Memory.InMemoryChannelStore(conversations, plans: plans);
        await plans.SaveAsync(Plan("telegram:-100"), CancellationToken.None);

        await chats.MigrateAsync("telegram:-100", "telegram:-1009", CancellationToken.None);

        Assert.Equal("telegram:-1009", (await plans.GetAsync("telegram:-1009", CancellationToken.None))!.ConversationId);
        Assert.Null(await plans.GetAsync("telegram:-100", CancellationToken.None));
    }

    [Fact]
    public async Task Move_KeepsAPlanTheNewIdAlreadyHas()
    {
        var store = Open();
        await store.SaveAsync(Plan("old"), CancellationToken.None);
        var existing = Plan("new");
        await store.SaveAsync(existing, CancellationToken.None);

        await store.MoveAsync("old", "new", CancellationToken.None);

        Assert.Equal(existing.ToJson(), (await store.GetAsync("new", CancellationToken.None))!.ToJson());
        Assert.NotNull(await store.GetAsync("old", CancellationToken.None));
    }

    private SqlitePlanStore Open()
    {
        var database = new SqliteDatabase(Path.Combine(_directory, "bot.db"));
        _databases.Add(database);
        return new SqlitePlanStore(database);
    }

    private static Plan Plan(string conversationId) => new()
    {
        ConversationId = conversationId,
        CreatedBy = "42",
        CreatedAt = Now,
        UpdatedAt = Now,
        Commitments =
        {
            new Commitment
            {
                Id = "abcd2345",
                Title = "Avatud eelarve",
                Problem = "Elanikud ei näe eelarvet",
                Action = "Portaal",
                Lead = "Mari Tamm",
                Partners = { "MTÜ Küla" },
                Milestones = { new Milestone("Prototype", new DateOnly(2027, 3, 31)) },
                Values = OgpValues.Transparency | OgpValues.Participation,
                Progress = { new ProgressReport(Now, CompletionLevel.Substantial, "42", "halfway") },
                CreatedAt = Now,
            },
        },
    };
}
