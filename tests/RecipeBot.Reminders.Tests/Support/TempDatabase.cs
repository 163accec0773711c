using Microsoft.Data.Sqlite;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>A SQLite file of its own in a fresh temp folder, deleted (with its WAL files) afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "recipebot-reminders-" + Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        Directory.CreateDirectory(_folder);
    }

    public string Path => System.IO.Path.Combine(_folder, "recipebot.db");

    public void Dispose()
    {
        // Quartz's pooled connections keep the file open until the pools are cleared.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform: the temp folder is cleaned up by the OS.
        }
    }
}
