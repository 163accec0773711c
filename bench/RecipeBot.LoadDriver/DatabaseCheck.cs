using Microsoft.Data.Sqlite;

namespace RecipeBot.LoadDriver;

/// <summary>What the bot's SQLite file says after the run: every update handled is one turn, and the inbox is empty.</summary>
public sealed record DatabaseCheck(long Conversations, long Turns, long InboxLeft)
{
    /// <summary>Null when the file does not exist (the memory provider).</summary>
    public static DatabaseCheck? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(SUM(turns), 0), (SELECT COUNT(*) FROM inbox) FROM conversations";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new DatabaseCheck(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The database file with its write-ahead log, in bytes.</summary>
    public static long FileBytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(file => new FileInfo(file).Length);
}
