using Npgsql;
using RecipeBot.Storage.Postgres;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests.Support;

/// <summary>A database of its own on the run's PostgreSQL server, schema migrated; each opening is another instance (its own connection pool).</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly List<PostgresDatabase> _databases = [];

    public PostgresTestDatabase(PostgresServer server, bool migrated = true)
    {
        ArgumentNullException.ThrowIfNull(server);
        ConnectionString = migrated ? server.CreateDatabase() : server.CreateEmptyDatabase();
    }

    public string ConnectionString { get; }

    public PostgresDatabase Open()
    {
        var database = new PostgresDatabase(ConnectionString);
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
