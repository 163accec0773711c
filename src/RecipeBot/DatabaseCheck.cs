using Microsoft.Data.Sqlite;

namespace RecipeBot;

/// <summary>
/// Opens the SQLite file before the bot takes a message and tries what every turn will do: create the folder,
/// write the file, read the schema, take the write lock. A database that is read-only, damaged, locked by
/// another process or out of reach stops the start with one line, not the first turn with a stack trace.
/// </summary>
internal static class DatabaseCheck
{
    private const string Setting = "Storage:SqlitePath";

    // As long as the store waits for a lock during a turn.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    public static void Run(string path)
    {
        var file = Path.GetFullPath(path);
        if (Directory.Exists(file))
        {
            throw new StartupException($"the database {file} is a folder, not a file ({Setting})");
        }

        CreateFolder(file);
        CheckWritable(file);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            }.ToString());
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
            Execute(connection, "SELECT count(*) FROM sqlite_master");
            Execute(connection, "BEGIN IMMEDIATE");
            Execute(connection, "ROLLBACK");
        }
        catch (SqliteException e)
        {
            throw new StartupException($"the database {file} {Problem(e)} ({Setting})", e);
        }
    }

    /// <summary>What is wrong with the file, in words, for the SQLite error of <paramref name="e"/>.</summary>
    public static string Problem(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => "is locked by another process",
        8 => "is read-only",
        11 or 26 => "is not a SQLite database or is damaged",
        14 => "cannot be opened",
        _ => "cannot be used: " + e.Message,
    };

    private static void CreateFolder(string file)
    {
        var folder = Path.GetDirectoryName(file);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"the database folder {folder} cannot be created: {e.Message} ({Setting})", e);
        }
    }

    private static void CheckWritable(string file)
    {
        if (!File.Exists(file))
        {
            return;
        }

        try
        {
            // In WAL mode SQLite writes the file itself only at checkpoints, so a read-only file would go unnoticed for a while.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"the database {file} is read-only: {e.Message} ({Setting})", e);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteScalar();
    }
}
