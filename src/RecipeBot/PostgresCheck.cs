using Npgsql;
using RecipeBot.Storage;
using RecipeBot.Storage.Migrations;

namespace RecipeBot;

/// <summary>
/// Connects to the PostgreSQL database and applies the migrations before the bot takes a message: a server that is
/// down, refuses the login or cannot take the schema stops the start with one line that names the server (never
/// the password), not the first turn with a stack trace.
/// </summary>
internal static class PostgresCheck
{
    private const string Setting = "ConnectionStrings:" + StorageOptions.PostgresConnectionName;

    public static void Run(StorageHealth health, string connectionString)
    {
        try
        {
            health.Migrate();
        }
        catch (Exception e) when (e is NpgsqlException or StorageMigrationException or TimeoutException)
        {
            throw new StartupException($"the PostgreSQL database {Where(connectionString)} {Problem(e)} ({Setting})", e);
        }
    }

    /// <summary>host:port/database, from the connection string.</summary>
    private static string Where(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    private static string Problem(Exception e) => e switch
    {
        StorageMigrationException migration when migration.InnerException is not null and not StorageMigrationException =>
            $"could not take migration {migration.Script}: {Innermost(migration.InnerException)}",
        PostgresException postgres => "refused: " + postgres.MessageText,
        _ => "cannot be reached: " + Innermost(e),
    };

    private static string Innermost(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            messages.Add(current is PostgresException postgres ? postgres.MessageText : current.Message);
        }

        return string.Join(": ", messages.Distinct(StringComparer.Ordinal));
    }
}
