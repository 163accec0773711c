using Microsoft.Data.Sqlite;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests.Support;

/// <summary>A SQLite file in a folder of its own, opened as often as a test likes (each opening is a restarted bot or another instance); deleted afterwards.</summary>
public sealed class SqliteTestFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-sqlite-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    public string Path => System.IO.Path.Combine(_directory, "nested", "bot.db");

    public SqliteDatabase Open()
    {
        var database = new SqliteDatabase(Path);
        _databases.Add(database);
        return database;
    }

    /// <summary>Closes every opening, as a stopped bot would.</summary>
    public void CloseAll()
    {
        _databases.ForEach(d => d.Dispose());
        _databases.Clear();
    }

    /// <summary>Runs SQL on a connection of its own, outside the stores.</summary>
    public void Execute(string sql)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        CloseAll();
        Directory.Delete(_directory, recursive: true);
    }
}
