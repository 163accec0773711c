using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage;

/// <summary>
/// The database as a load balancer needs to know it: whether its schema is up to date (<see cref="MigrateAsync"/> ran)
/// and whether it answers now.
/// </summary>
public sealed class StorageHealth(IServiceProvider services, IOptions<StorageOptions> options)
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(3);
    private int _state = (int)SchemaState.NotMigrated;

    /// <summary>Where the schema stands in this process.</summary>
    public SchemaState Schema => (SchemaState)Volatile.Read(ref _state);

    /// <summary>Creates or upgrades the schema (opening the SQLite file does it; PostgreSQL runs its scripts); returns the scripts applied now.</summary>
    public IReadOnlyList<string> Migrate()
    {
        Volatile.Write(ref _state, (int)SchemaState.Migrating);
        try
        {
            var applied = options.Value switch
            {
                { IsMemory: true } => [],
                { IsPostgres: true } => services.GetRequiredService<PostgresDatabase>().Migrate(),
                _ => services.GetRequiredService<SqliteDatabase>().AppliedMigrations,
            };
            Volatile.Write(ref _state, (int)SchemaState.Migrated);
            return applied;
        }
        catch
        {
            Volatile.Write(ref _state, (int)SchemaState.NotMigrated);
            throw;
        }
    }

    /// <summary>As <see cref="Migrate"/>, off the caller's thread.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) => Task.Run(Migrate, cancellationToken);

    /// <summary>Whether the database answers a query within a few seconds.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        try
        {
            switch (options.Value)
            {
                case { IsMemory: true }:
                    return true;
                case { IsPostgres: true }:
                    var command = services.GetRequiredService<PostgresDatabase>().DataSource.CreateCommand("SELECT 1");
                    await using (command.ConfigureAwait(false))
                    {
                        await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
                    }

                    return true;
                default:
                    return await services.GetRequiredService<SqliteDatabase>().PingAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>The schema of the configured database, as this process knows it.</summary>
public enum SchemaState
{
    /// <summary>Not brought up to date yet (or the last attempt failed).</summary>
    NotMigrated,

    /// <summary>The migrations are running.</summary>
    Migrating,

    /// <summary>Up to date.</summary>
    Migrated,
}
