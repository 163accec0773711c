using RecipeBot.Core.Conversations;
using RecipeBot.Core.Tests;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteConversationStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "recipebot-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "nested", "bot.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
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
            Turns = 7,
            UpdatedAt = created.AddMinutes(5),
        };

        await new SqliteConversationStore(DatabasePath).SaveAsync(conversation, CancellationToken.None);
        var loaded = await new SqliteConversationStore(DatabasePath).LoadAsync(conversation.Id, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(conversation.Id, loaded.Id);
        Assert.Equal("ru", loaded.Language);
        Assert.Equal("activist", loaded.Role);
        Assert.Equal("contact", loaded.Phase);
        Assert.Equal("contact/trust-conflict", loaded.State);
        Assert.Equal(conversation.History, loaded.History);
        Assert.Equal(conversation.SituationsSeen, loaded.SituationsSeen);
        Assert.Equal(conversation.RecipesGiven, loaded.RecipesGiven);
        Assert.Equal(7, loaded.Turns);
        Assert.Equal(created, loaded.CreatedAt);
        Assert.Equal(created.AddMinutes(5), loaded.UpdatedAt);
    }

    [Fact]
    public async Task SavingAgain_ReplacesTheRow_AndNullsAndEmptyListsSurvive()
    {
        var store = new SqliteConversationStore(DatabasePath);
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
        Assert.Null(await new SqliteConversationStore(DatabasePath).LoadAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task ARestartedBot_ContinuesWhereTheUserWas()
    {
        var before = new EngineHarness(new SqliteConversationStore(DatabasePath));
        await before.SayAsync("/start");
        await before.SayAsync("en");
        await before.SayAsync("activist");
        await before.SayAsync("contact");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var after = new EngineHarness(new SqliteConversationStore(DatabasePath));
        var reply = await after.SayAsync("council-reluctant");

        Assert.Equal("contact/council-reluctant", reply.State);
        Assert.Equal("en", reply.Language);
        Assert.NotEmpty(reply.Recipes);
        Assert.Equal("contact", (await after.SayAsync("/back")).State);
    }
}
