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
        foreach (var table in (string[])["conversations", "outbox", "chats", "inbox"])
        {
            // Its turns and replies, its Telegram chats and its updates stayed in memory.
            Assert.Equal(0L, DatabaseSearch.Count(database, table));
        }

        Assert.Empty(DatabaseSearch.Find(database, ["rehearsal"]));
    }
}
