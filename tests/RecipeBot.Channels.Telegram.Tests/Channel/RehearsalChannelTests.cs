using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Channels.Telegram.Tests.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>The rehearsal the composed bot runs at its start: it happens, and leaves nothing behind.</summary>
public sealed class RehearsalChannelTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-rehearsal-").FullName;
    private FakeBotApiServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheStart_RehearsesEveryLanguage_ButNoRowOfItIsStored_AndNothingReachesTelegram()
    {
        var logs = new CapturingLoggerProvider();
        var database = Path.Combine(_directory, "bot.db");

        await using (await BotHost.StartAsync(_telegram, database, configure: logs.AddTo))
        {
            await _telegram.WaitForAsync("getUpdates", _ => true);
        }

        var rehearsed = Assert.Single(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Rehearsed ", StringComparison.Ordinal));
        Assert.Contains("telegram 24", rehearsed.Message, StringComparison.Ordinal);
        Assert.Empty(_telegram.RequestsFor("sendMessage"));
        Assert.Empty(_telegram.RequestsFor("answerCallbackQuery"));
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM conversations"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM outbox"));
        // Its Telegram chats (/start marks a chat active) and its updates stayed in memory too.
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM chats"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM inbox"));
        foreach (var table in Tables(connection))
        {
            using var read = connection.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{table}\"";
            using var rows = read.ExecuteReader();
            while (rows.Read())
            {
                for (var column = 0; column < rows.FieldCount; column++)
                {
                    var value = rows.IsDBNull(column) ? "" : Convert.ToString(rows.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    Assert.DoesNotContain("rehearsal", value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
