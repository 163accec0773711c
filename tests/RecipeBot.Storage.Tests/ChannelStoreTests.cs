using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteChannelStoreTests : ChannelStoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override (IConversationStore, IChatDirectory, ICursorStore, IInboxStore, IMeetingStore) OpenWithMeetings()
    {
        var database = _file.Open();
        var conversations = new SqliteConversationStore(database);
        var meetings = new SqliteMeetingStore(database);
        var channels = new SqliteChannelStore(database, conversations, new FakeTimeProvider(), meetings);
        return (conversations, channels, channels, channels, meetings);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresChannelStoreTests(PostgresServer server) : ChannelStoreContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override (IConversationStore, IChatDirectory, ICursorStore, IInboxStore, IMeetingStore) OpenWithMeetings()
    {
        var database = _database.Open();
        var conversations = new PostgresConversationStore(database);
        var meetings = new PostgresMeetingStore(database);
        var channels = new PostgresChannelStore(database, conversations, new FakeTimeProvider(), meetings);
        return (conversations, channels, channels, channels, meetings);
    }
}

public sealed class InMemoryChannelStoreTests : ChannelStoreContract
{
    protected override (IConversationStore, IChatDirectory, ICursorStore, IInboxStore, IMeetingStore) OpenWithMeetings()
    {
        var conversations = new InMemoryConversationStore();
        var meetings = new InMemoryMeetingStore(conversations);
        var channels = new InMemoryChannelStore(conversations, meetings, new FakeTimeProvider());
        return (conversations, channels, channels, channels, meetings);
    }
}
