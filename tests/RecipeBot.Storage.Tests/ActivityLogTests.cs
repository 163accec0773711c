using RecipeBot.Core.Stats;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;
using RecipeBot.Storage.Tests.Contracts;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

public sealed class SqliteActivityLogTests : ActivityLogContract, IDisposable
{
    private readonly SqliteTestFile _file = new();

    public void Dispose() => _file.Dispose();

    protected override IActivityLog Open() => new SqliteActivityLog(_file.Open());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresActivityLogTests(PostgresServer server) : ActivityLogContract, IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);

    public void Dispose() => _database.Dispose();

    protected override IActivityLog Open() => new PostgresActivityLog(_database.Open());
}

public sealed class InMemoryActivityLogTests : ActivityLogContract
{
    private readonly InMemoryActivityLog _log = new();

    protected override IActivityLog Open() => _log;
}
