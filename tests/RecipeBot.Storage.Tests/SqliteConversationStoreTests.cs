using RecipeBot.Core.Conversations;
using RecipeBot.Core.Tests;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteConversationStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "recipebot-sqlite-" + Guid.NewGuid().ToString("N"));

    private readonly List<SqliteDatabase> _databases = [];

    private string DatabasePath => Path.Combine(_directory, "nested", "bot.db");

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A new store over the same file, as a restarted bot would open it.</summary>
    private SqliteConversationStore Open()
    {
        var database = new SqliteDatabase(DatabasePath);
        _databases.Add(database);
        return new SqliteConversationStore(database);
    }

    [Fact]
    public async Task AConversation_RoundTripsThroughAFile_WithEveryField()
    {
        var created = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(2));
        var conversation = new Conversation("telegram:-1001234567890", "ru", "contact/trust-conflict", created)
        {
            Role = "activist",
            Phase = "contact",
            History = ["language", "role", "phase", "contact"],
            SituationsSeen = ["contact/trust-conflict"],
            RecipesGiven = ["contact/trust-conflict/open-meetings", "contact/trust-conflict/shared-goal"],
            Deliveries = ["1001", "1002"],
            Turns = 7,
            UpdatedAt = created.AddMinutes(5),
        };

        await Open().SaveAsync(conversation, CancellationToken.None);
        var loaded = await Open().LoadAsync(conversation.Id, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(conversation.Id, loaded.Id);
        Assert.Equal("ru", loaded.Language);
        Assert.Equal("activist", loaded.Role);
        Assert.Equal("contact", loaded.Phase);
        Assert.Equal("contact/trust-conflict", loaded.State);
        Assert.Equal(conversation.History, loaded.History);
        Assert.Equal(conversation.SituationsSeen, loaded.SituationsSeen);
        Assert.Equal(conversation.RecipesGiven, loaded.RecipesGiven);
        Assert.Equal(["1001", "1002"], loaded.Deliveries);
        Assert.Equal(7, loaded.Turns);
        Assert.Equal(created, loaded.CreatedAt);
        Assert.Equal(created.AddMinutes(5), loaded.UpdatedAt);
    }

    [Fact]
    public async Task SavingAgain_ReplacesTheRow_AndNullsAndEmptyListsSurvive()
    {
        var store = Open();
        var conversation = new Conversation("terminal:x", "et", "role", DateTimeOffset.UnixEpoch) { Role = "official", History = ["language"] };
        await store.SaveAsync(conversation, CancellationToken.None);

        conversation.Role = null;
        conversation.History.Clear();
        conversation.State = "language";
        await store.SaveAsync(conversation, CancellationToken.None);
        var loaded = await store.LoadAsync("terminal:x", CancellationToken.None);

        Assert.Null(loaded!.Role);
        Assert.Empty(loaded.History);
        Assert.Equal("language", loaded.State);
    }

    [Fact]
    public async Task AnUnknownConversation_LoadsAsNull()
    {
        Assert.Null(await Open().LoadAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task ARestartedBot_ContinuesWhereTheUserWas()
    {
        var before = new EngineHarness(Open());
        await before.SayAsync("/start");
        await before.SayAsync("en");
        await before.SayAsync("activist");
        await before.SayAsync("contact");
        _databases[0].Dispose();

        var after = new EngineHarness(Open());
        var reply = await after.SayAsync("council-reluctant");

        Assert.Equal("contact/council-reluctant", reply.State);
        Assert.Equal("en", reply.Language);
        Assert.NotEmpty(reply.Recipes);
        Assert.Equal("contact", (await after.SayAsync("/back")).State);
    }
}
