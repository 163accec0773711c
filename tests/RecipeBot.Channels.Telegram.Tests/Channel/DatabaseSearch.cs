using System.Text;
using Microsoft.Data.Sqlite;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>Reads every cell of a bot's SQLite file, so a test can look for what must not be kept there.</summary>
internal static class DatabaseSearch
{
    /// <summary>
    /// Every table of the database (as <c>sqlite_master</c> lists them, Quartz's too), every cell:
    /// <c>table.column: value</c> of each that holds one of <paramref name="needles"/> (text, or bytes read as UTF-8).
    /// </summary>
    public static List<string> Find(string databasePath, IReadOnlyList<string> needles)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        // The search reads the bot's whole schema, not an empty file.
        Assert.Contains("conversations", tables);
        Assert.Contains(tables, t => t.StartsWith("QRTZ_", StringComparison.Ordinal));
        var hits = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var value = reader.IsDBNull(column) ? string.Empty
                        : reader.GetValue(column) is byte[] bytes ? Encoding.UTF8.GetString(bytes)
                        : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                    if (needles.Any(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    {
                        hits.Add($"{table}.{reader.GetName(column)}: {value}");
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>The number of rows in <paramref name="table"/>.</summary>
    public static long Count(string databasePath, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        return (long)command.ExecuteScalar()!;
    }
}
