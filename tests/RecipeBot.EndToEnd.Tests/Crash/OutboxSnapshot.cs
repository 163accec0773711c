using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>The outbox rows a killed bot left in its SQLite file: what it will send after the restart.</summary>
internal static class OutboxSnapshot
{
    public static IReadOnlyList<(string ConversationId, string Text)> Read(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id, message FROM outbox ORDER BY id";
        var rows = new List<(string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var message = JsonDocument.Parse(reader.GetString(1));
            rows.Add((reader.GetString(0), message.RootElement.GetProperty("Text").GetString() ?? string.Empty));
        }

        return rows;
    }
}
