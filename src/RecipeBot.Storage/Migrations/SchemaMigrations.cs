using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Postgresql;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RecipeBot.Storage.Migrations;

/// <summary>
/// The schema as versioned scripts (DbUp): <c>Migrations/Sqlite/*.sql</c> and <c>Migrations/Postgres/*.sql</c>, embedded
/// in this assembly and applied in name order, each once, in its own transaction; the journal table
/// <c>schemaversions</c> records what a database has. A file made before migrations existed (tables created at every
/// start) is brought up to date in place by the same scripts.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>Serialises migrations of instances starting together on one PostgreSQL database (an advisory lock id).</summary>
    internal const long PostgresLockId = 0x5265_6369_7065_4D31;

    private const string ResourcePrefix = "RecipeBot.Storage.Migrations.";

    /// <summary>Brings the SQLite database open on <paramref name="connection"/> up to date; returns the scripts applied now.</summary>
    public static IReadOnlyList<string> ApplySqlite(SqliteConnection connection)
    {
        var builder = DeployChanges.To.SqliteDatabase(new SharedConnection(connection))
            .WithScripts(Embedded("Sqlite"))
            // Files from before migrations may lack columns added since; SQLite cannot add a column "if not exists" in SQL.
            .WithScript(SqliteLegacyColumns.Name, new SqliteLegacyColumns());
        return Run(builder);
    }

    /// <summary>
    /// Brings the PostgreSQL database of <paramref name="dataSource"/> up to date; returns the scripts applied now.
    /// Instances starting together take turns (an advisory lock), so each script runs once.
    /// </summary>
    public static IReadOnlyList<string> ApplyPostgres(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        using var connection = dataSource.OpenConnection();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@id)", connection))
        {
            take.Parameters.AddWithValue("id", PostgresLockId);
            take.ExecuteNonQuery();
        }

        try
        {
            return Run(DeployChanges.To.PostgresqlDatabase(new PostgresqlConnectionManager(dataSource)).WithScripts(Embedded("Postgres")));
        }
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@id)", connection);
            release.Parameters.AddWithValue("id", PostgresLockId);
            release.ExecuteNonQuery();
        }
    }

    /// <summary>The scripts for one database, named by their file (<c>0001_initial.sql</c>), in order.</summary>
    internal static IEnumerable<SqlScript> Embedded(string database)
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var prefix = ResourcePrefix + database + ".";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return new SqlScript(resource[prefix.Length..], reader.ReadToEnd());
        }
    }

    private static IReadOnlyList<string> Run(UpgradeEngineBuilder builder)
    {
        var result = builder
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new StorageMigrationException(result.ErrorScript?.Name ?? "?", result.Error);
        }

        return [.. result.Scripts.Select(s => s.Name)];
    }
}
