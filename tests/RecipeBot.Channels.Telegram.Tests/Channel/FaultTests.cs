using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>Telegram's error answers, served over real HTTP by the fake, against the whole bot.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-faults-").FullName;
    private FakeBotApiServer _telegram = null!;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A429_IsWaitedOutForRetryAfter_AndTheReplyIsDeliveredOnce()
    {
        var refused = 0;
        _telegram.Respond("sendMessage", _ => Interlocked.Increment(ref refused) == 1 ? FakeResponse.Error(429, "Too Many Requests: retry after 1", retryAfter: 1) : null);
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(301, "/start"));
        await _telegram.WaitForAsync("sendMessage", r => _telegram.RequestsFor("sendMessage").Count >= 2);

        var attempts = _telegram.RequestsFor("sendMessage");
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {attempts[1].At - attempts[0].At}");
    }

    [Fact]
    public async Task A403_MarksTheChatInactive_AndNothingMoreIsSentThere()
    {
        _telegram.Respond("sendMessage", r => r.Int64Parameter("chat_id") == 302 ? FakeResponse.Error(403, "Forbidden: bot was blocked by the user") : null);
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);
        var chats = bot.Services.GetRequiredService<IChatDirectory>();

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(302, "/start"));
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 302);
        for (var i = 0; i < 100 && await chats.IsActiveAsync("telegram:302", CancellationToken.None); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(await chats.IsActiveAsync("telegram:302", CancellationToken.None));
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(302, "/help"));
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(303, "/start"));
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 303);
        Assert.Single(_telegram.RequestsFor("sendMessage"), r => r.Int64Parameter("chat_id") == 302);
    }

    [Fact]
    public async Task AGroupUpgradedToASupergroup_IsFollowed_AndItsConversationMoves()
    {
        const long group = -4004;
        const long supergroup = -1_009_999_999_999;
        _telegram.Respond("sendMessage", r => r.Int64Parameter("chat_id") == group && _telegram.RequestsFor("sendMessage").Count > 1
            ? FakeResponse.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: supergroup)
            : null);
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(group, "/start", fromId: 1));
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == group);
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(group, "/help", fromId: 1));
        var followed = await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == supergroup);

        Assert.StartsWith("Press a button", followed.Parameter("text"), StringComparison.Ordinal);
        var chats = bot.Services.GetRequiredService<IChatDirectory>();
        Assert.Equal($"telegram:{supergroup}", await chats.ResolveAsync($"telegram:{group}", CancellationToken.None));
        var moved = await bot.Services.GetRequiredService<IConversationStore>().LoadAsync($"telegram:{supergroup}", CancellationToken.None);
        Assert.NotNull(moved);
    }

    [Fact]
    public async Task A409FromAnotherPoller_IsRetriedWithBackoff_NotInAHotLoop()
    {
        _telegram.Respond("getUpdates", _ => FakeResponse.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        await _telegram.WaitForAsync("getUpdates");
        await Task.Delay(TimeSpan.FromSeconds(3));

        // The first retry waits 5 s; a hot loop would have made hundreds of calls by now.
        Assert.Single(_telegram.RequestsFor("getUpdates"));
    }

    [Fact]
    public async Task ACallbackQueryTelegramWillNotAnswer_IsStillAPress()
    {
        _telegram.Respond("answerCallbackQuery", r => r.Parameter("callback_query_id") == "stale" ? FakeResponse.Raw(502, "<html>Bad Gateway</html>", "text/html") : null);
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(304, 1, "en", id: "stale"));

        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 304);
        // The press is answered alongside the turn, so its answer may come after the reply.
        await _telegram.WaitForAsync("answerCallbackQuery");
        Assert.Single(_telegram.RequestsFor("answerCallbackQuery"));
    }

    [Fact]
    public async Task ASlowAnswerToAPress_DoesNotHoldUpTheReply()
    {
        // Telegram takes ten seconds to answer the callback query and the keyboard edit.
        var slow = TimeSpan.FromSeconds(10);
        _telegram.Respond("answerCallbackQuery", _ => FakeResponse.OkJson("true") with { Delay = slow });
        _telegram.Respond("editMessageReplyMarkup", _ => FakeResponse.OkJson("true") with { Delay = slow });
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(307, 1, "en"));

        var reply = await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 307);
        // The press is answered alongside the turn: its request may reach Telegram just after the reply.
        await _telegram.WaitForAsync("answerCallbackQuery");
        var press = Assert.Single(_telegram.RequestsFor("answerCallbackQuery"));
        // Had the turn waited for the answer, the reply could not leave before it came back.
        Assert.True(reply.At - press.At < slow, $"the reply came {reply.At - press.At} after the press was being answered");
    }

    [Fact]
    public async Task MorePressesThanAnswersInFlight_StillGetTheirRepliesAtOnce()
    {
        // Telegram is slow to answer presses; more presses come than may be answered at once. Slow enough that 300
        // turns on a busy machine fit well inside it, while a press that waited for another's answer could not.
        var slow = TimeSpan.FromSeconds(25);
        const int Presses = RecipeBot.Channels.Telegram.Receiving.TelegramUpdateHandler.MaxAcknowledgements + 44;
        _telegram.Respond("answerCallbackQuery", _ => FakeResponse.OkJson("true") with { Delay = slow });
        _telegram.Respond("editMessageReplyMarkup", _ => FakeResponse.OkJson("true") with { Delay = slow });
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        for (var chat = 0; chat < Presses; chat++)
        {
            _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(5000 + chat, 1, "en", fromId: 5000 + chat));
        }

        await _telegram.WaitForAsync("sendMessage", _ => _telegram.RequestsFor("sendMessage").Count >= Presses, slow);
        var replies = _telegram.RequestsFor("sendMessage");
        var firstAnswerAsked = _telegram.RequestsFor("answerCallbackQuery").Min(r => r.At);
        // No press's turn waited for another press's answer to come back.
        Assert.True(replies.Max(r => r.At) - firstAnswerAsked < slow, $"the last reply came {replies.Max(r => r.At) - firstAnswerAsked} after the first press was being answered");
        Assert.Equal(Presses, replies.Select(r => r.Int64Parameter("chat_id")).Distinct().Count());
    }

    [Fact]
    public async Task AnUpdateWhoseTurnCannotBeSaved_IsGivenUpAfterThreeAttempts_WithAnApology_AndTheOthersGoOn()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);
        // The disk refuses this one conversation: its turn cannot be saved, the outbox still takes rows.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TRIGGER refuse_306 BEFORE INSERT ON conversations WHEN NEW.id = 'telegram:306'
                BEGIN SELECT RAISE(ABORT, 'disk says no'); END;
                """;
            command.ExecuteNonQuery();
        }

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(306, "/start"));
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(305, "/start"));

        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 305);
        var apology = await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 306, TimeSpan.FromSeconds(20));
        Assert.StartsWith("Sorry, something went wrong on my side.", apology.Parameter("text"), StringComparison.Ordinal);
        Assert.Single(_telegram.RequestsFor("sendMessage"), r => r.Int64Parameter("chat_id") == 306);
        Assert.Null(await bot.Services.GetRequiredService<IConversationStore>().LoadAsync("telegram:306", CancellationToken.None));
    }
}
