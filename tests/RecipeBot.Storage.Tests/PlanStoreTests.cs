using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Plans;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqlitePlanStoreTests : PlanStoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override IPlanStore Open() => new SqlitePlanStore(_file.Open());

    protected override (IPlanStore, IChatDirectory) OpenWithChats()
    {
        var database = _file.Open();
        var plans = new SqlitePlanStore(database);
        return (plans, new SqliteChannelStore(database, new SqliteConversationStore(database), new FakeTimeProvider(), new SqliteMeetingStore(database), plans));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlanStoreTests(PostgresServer server) : PlanStoreContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override IPlanStore Open() => new PostgresPlanStore(_database.Open());

    protected override (IPlanStore, IChatDirectory) OpenWithChats()
    {
        var database = _database.Open();
        var plans = new PostgresPlanStore(database);
        return (plans, new PostgresChannelStore(database, new PostgresConversationStore(database), new FakeTimeProvider(), new PostgresMeetingStore(database), plans));
    }
}

public sealed class InMemoryPlanStoreTests : PlanStoreContract
{
    private readonly InMemoryPlanStore _store = new();

    protected override IPlanStore Open() => _store;

    protected override (IPlanStore, IChatDirectory) OpenWithChats()
    {
        var conversations = new InMemoryConversationStore();
        return (_store, new InMemoryChannelStore(conversations, new InMemoryMeetingStore(conversations), new FakeTimeProvider(), _store));
    }
}
