using RecipeBot.Core.Channels;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override ITranscriptStore Open() => new SqliteTranscriptStore(_file.Open(), TimeProvider.System);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTranscriptStoreTests(PostgresServer server) : TranscriptStoreContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override ITranscriptStore Open() => new PostgresTranscriptStore(_database.Open(), TimeProvider.System);
}

public sealed class InMemoryTranscriptStoreTests : TranscriptStoreContract
{
    private readonly InMemoryTranscriptStore _store = new();

    protected override ITranscriptStore Open() => _store;
}
