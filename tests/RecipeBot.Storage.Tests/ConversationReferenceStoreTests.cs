using RecipeBot.Core.Channels;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteConversationReferenceStoreTests : ConversationReferenceStoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override IConversationReferenceStore Open() => new SqliteConversationReferenceStore(_file.Open(), TimeProvider.System);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationReferenceStoreTests(PostgresServer server) : ConversationReferenceStoreContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override IConversationReferenceStore Open() => new PostgresConversationReferenceStore(_database.Open(), TimeProvider.System);
}

public sealed class InMemoryConversationReferenceStoreTests : ConversationReferenceStoreContract
{
    private readonly InMemoryConversationReferenceStore _store = new();

    protected override IConversationReferenceStore Open() => _store;
}
