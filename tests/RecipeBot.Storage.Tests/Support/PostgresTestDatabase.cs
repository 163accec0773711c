using Npgsql;
using RecipeBot.Storage.Postgres;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests.Support;

/// <summary>
/// A database of its own on the run's PostgreSQL server, schema migrated. Each <see cref="Open"/> is the same instance
/// opened again (its own connection pool, the same name in row claims, as a restarted bot with a fixed instance id);
/// <see cref="OpenInstance"/> is another instance.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly List<PostgresDatabase> _databases = [];
    private readonly string _instance = "test-" + Guid.NewGuid().ToString("N");

    public PostgresTestDatabase(PostgresServer server, bool migrated = true)
    {
        ArgumentNullException.ThrowIfNull(server);
        ConnectionString = migrated ? server.CreateDatabase() : server.CreateEmptyDatabase();
    }

    public string ConnectionString { get; }

    public PostgresDatabase Open() => OpenInstance(_instance);

    /// <summary>An instance of its own name, whose claims last <paramref name="lease"/>.</summary>
    public PostgresDatabase OpenInstance(string instanceId, TimeSpan? lease = null)
    {
        var database = new PostgresDatabase(ConnectionString, instanceId, lease);
        _databases.Add(database);
        return database;
    }

    /// <summary>Runs SQL on a connection of its own, outside the stores.</summary>
    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _databases.ForEach(d => d.Dispose());
}
