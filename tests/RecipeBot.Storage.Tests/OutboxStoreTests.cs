using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteOutboxTests : OutboxStoreContract<SqliteConversationStore>, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override SqliteConversationStore Open() => new(_file.Open());

    protected override void InsertUnreadableRow(string conversationId) =>
        _file.Execute($"INSERT INTO outbox (conversation_id, message, created_at) VALUES ('{conversationId}', '{{not json', '2026-12-01T00:00:00Z')");
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxTests(PostgresServer server) : OutboxStoreContract<PostgresConversationStore>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override PostgresConversationStore Open() => new(_database.Open());

    protected override void InsertUnreadableRow(string conversationId) =>
        _database.Execute($"INSERT INTO outbox (conversation_id, message, created_at) VALUES ('{conversationId}', '{{not json', now())");
}
