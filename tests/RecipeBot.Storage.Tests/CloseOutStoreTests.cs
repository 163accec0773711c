using RecipeBot.Core.CloseOuts;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteCloseOutStoreTests : CloseOutStoreContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override ICloseOutStore Open() => new SqliteCloseOutStore(_file.Open());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCloseOutStoreTests(PostgresServer server) : CloseOutStoreContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override ICloseOutStore Open() => new PostgresCloseOutStore(_database.Open());
}

public sealed class InMemoryCloseOutStoreTests : CloseOutStoreContract
{
    private readonly InMemoryCloseOutStore _store = new();

    protected override ICloseOutStore Open() => _store;
}
