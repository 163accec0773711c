using Microsoft.Data.Sqlite;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>A visitor who asks to be forgotten leaves nothing in the database, their transcript included.</summary>
public sealed class ForgetTests : IDisposable
{
    // ASCII, so that it reads the same in JSON columns, escaped or not.
    private const string Words = "Meie seltsil on usalduskonflikt vallaga";

    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webchat-forget-").FullName;

    private string Database => Path.Combine(_directory, "bot.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AfterForgetting_NoTableHoldsTheVisitorsConversationOrWords()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var visitor = await new DirectLineVisitor(host).ArriveAsync("et");
        await visitor.BotMessageAsync(1);
        await visitor.SayAsync(Words);
        await visitor.BotMessageAsync(2);
        Assert.NotEmpty(RowsMentioning(Words));

        // Act
        await visitor.SayAsync("/forget");
        var asked = await visitor.BotMessageAsync(3);
        Assert.Contains("forget:yes", DirectLineVisitor.Choices(asked));
        await visitor.SayAsync("Jah, kustuta", choice: "forget:yes");
        // The transcript went with the conversation: the farewell is all the visitor's client can fetch now.
        var left = await visitor.WaitForAsync(all => DirectLineVisitor.BotMessages(all).Count == 1 && all.Count == 1);

        // Assert
        Assert.StartsWith("Kustutatud.", left[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(RowsMentioning(Words));
        Assert.DoesNotContain(RowsMentioning(visitor.ConversationId), row => !row.StartsWith("webchat_activities:", StringComparison.Ordinal) && !row.StartsWith("outbox:", StringComparison.Ordinal));
        Assert.DoesNotContain(RowsMentioning(visitor.ConversationId), row => row.Contains("usalduskonflikt", StringComparison.Ordinal));
    }

    /// <summary>Every row of every table whose text contains <paramref name="needle"/>, as "table: row".</summary>
    private List<string> RowsMentioning(string needle)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                var row = string.Join(" | ", values);
                if (row.Contains(needle, StringComparison.Ordinal))
                {
                    rows.Add($"{table}: {row}");
                }
            }
        }

        return rows;
    }
}
