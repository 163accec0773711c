using RecipeBot.Core.Conversations;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override IConversationStore Open() => new SqliteConversationStore(_file.Open());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationStoreTests(PostgresServer server) : ConversationStoreContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override IConversationStore Open() => new PostgresConversationStore(_database.Open());
}

public sealed class InMemoryConversationStoreTests : ConversationStoreContract
{
    private readonly InMemoryConversationStore _store = new();

    protected override IConversationStore Open() => _store;

    [Fact]
    public async Task TheStore_KeepsACopy_SoChangingTheSavedObjectChangesNothingStored()
    {
        var conversation = new Conversation("terminal:local", "en", "meetings", DateTimeOffset.UnixEpoch) { TimeZone = "Europe/Helsinki", Draft = NewDraft(), Offered = ["mtg:abc", "mtg:list"] };
        await _store.SaveAsync(conversation, [], CancellationToken.None);
        conversation.Draft.Step = Core.Meetings.DraftStep.Describe;
        conversation.Offered.Add("mtg:new");

        var loaded = await _store.LoadAsync("terminal:local", CancellationToken.None);

        Assert.Equal("Europe/Helsinki", loaded!.TimeZone);
        AssertSameDraft(NewDraft(), loaded.Draft);
        Assert.Equal(["mtg:abc", "mtg:list"], loaded.Offered);
    }
}
