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
    public async Task AnUpdateThatKeepsFailing_IsGivenUpAfterRetries_AndTheOthersGoOn()
    {
        _telegram.Respond("answerCallbackQuery", r => r.Parameter("callback_query_id") == "poison" ? FakeResponse.Raw(502, "<html>Bad Gateway</html>", "text/html") : null);
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(304, 1, "en", id: "poison"));
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(305, "/start"));
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 305);
        for (var i = 0; i < 100 && _telegram.RequestsFor("answerCallbackQuery").Count < 3; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(3, _telegram.RequestsFor("answerCallbackQuery").Count);
        Assert.DoesNotContain(_telegram.RequestsFor("sendMessage"), r => r.Int64Parameter("chat_id") == 304);
    }
}
