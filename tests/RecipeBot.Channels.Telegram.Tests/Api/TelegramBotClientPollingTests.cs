using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Tests.Fakes;

namespace RecipeBot.Channels.Telegram.Tests.Api;

public sealed class TelegramBotClientPollingTests
{
    private const long SupergroupId = -1001234567890;
    private static readonly string[] MessagesAndCallbacks = ["message", "callback_query"];

    [Fact]
    public async Task GetUpdates_PassesOffsetTimeoutAndAllowedUpdates()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.GetUpdatesAsync(offset: 7, timeoutSeconds: 0, MessagesAndCallbacks, CancellationToken.None);

        var request = Assert.Single(api.Server.RequestsFor("getUpdates"));
        Assert.Equal(7, request.Int64Parameter("offset"));
        Assert.Equal(0, request.Int64Parameter("timeout"));
        Assert.Equal(MessagesAndCallbacks, request.ParameterJson("allowed_updates")!.Value.EnumerateArray().Select(kind => kind.GetString()));
    }

    [Fact]
    public async Task GetUpdates_WithoutOffset_LeavesOffsetOut()
    {
        await using var api = await BotApiHarness.StartAsync();

        await api.Client.GetUpdatesAsync(offset: null, timeoutSeconds: 0, [], CancellationToken.None);

        Assert.Null(Assert.Single(api.Server.RequestsFor("getUpdates")).Parameter("offset"));
    }

    [Fact]
    public async Task GetUpdates_ParsesMessagesCallbackQueriesChatMemberChangesAndUnknownKinds()
    {
        await using var api = await BotApiHarness.StartAsync();
        var messageId = api.Server.EnqueueUpdate(FakeUpdates.TextMessage(SupergroupId, "/start@RecipeTestBot hi", fromId: 77, languageCode: "ru"));
        var callbackId = api.Server.EnqueueUpdate(FakeUpdates.CallbackQuery(77, messageId: 5, "role:official", fromId: 77));
        var pollId = api.Server.EnqueueUpdate("""{"poll": {"id": "1", "question": "?", "options": [], "total_voter_count": 0}}""");
        var memberId = api.Server.EnqueueUpdate(FakeUpdates.MyChatMember(77, newStatus: "kicked"));

        var updates = await api.Client.GetUpdatesAsync(null, 0, [], CancellationToken.None);

        Assert.Equal([messageId, callbackId, pollId, memberId], updates.Select(update => update.UpdateId));
        var message = updates[0].Message!;
        Assert.Equal(SupergroupId, message.Chat.Id);
        Assert.Equal("/start@RecipeTestBot hi", message.Text);
        Assert.Equal(77, message.From!.Id);
        Assert.Equal("ru", message.From.LanguageCode);
        Assert.Equal(new MessageEntity("bot_command", 0, 20), Assert.Single(message.Entities!));
        var callback = updates[1].CallbackQuery!;
        Assert.Equal("role:official", callback.Data);
        Assert.Equal(5, callback.Message!.MessageId);
        Assert.Equal(77, callback.From.Id);
        Assert.Equal(new TelegramUpdate(pollId), updates[2]);
        Assert.Equal("kicked", updates[3].MyChatMember!.NewChatMember.Status);
        Assert.Equal("member", updates[3].MyChatMember!.OldChatMember!.Status);
    }

    [Fact]
    public async Task GetUpdates_ReturnsAnUnreadableUpdateAsItsIdAlone_SoTheCallerCanConfirmIt()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.EnqueueRawUpdate("""{"update_id": 41, "message": {"message_id": 1, "date": 0, "text": "no chat"}}""");
        api.Server.EnqueueRawUpdate("""{"update_id": 42, "message": {"message_id": 2, "date": 0, "chat": {"id": 5, "type": "private"}}}""");

        var updates = await api.Client.GetUpdatesAsync(null, 0, [], CancellationToken.None);

        Assert.Equal(new TelegramUpdate(41), updates[0]);
        Assert.Equal(5, updates[1].Message!.Chat.Id);
        Assert.Contains(api.Logger.Entries, entry => entry.Message == "Telegram update 41 could not be read and is skipped");
    }

    [Fact]
    public async Task GetUpdates_WhenNothingArrives_ReturnsNothingAfterTheLongPoll()
    {
        await using var api = await BotApiHarness.StartAsync();

        var updates = await api.Client.GetUpdatesAsync(null, timeoutSeconds: 1, [], CancellationToken.None);

        Assert.Empty(updates);
        Assert.Equal(1, Assert.Single(api.Server.RequestsFor("getUpdates")).Int64Parameter("timeout"));
    }

    [Fact]
    public async Task GetUpdates_WhenTheServerHoldsTheRequestPastTimeoutPlusGrace_ThrowsTimeoutException()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Client.LongPollGrace = TimeSpan.FromMilliseconds(200);
        api.Server.Respond("getUpdates", _ => FakeResponse.OkJson("[]") with { Delay = TimeSpan.FromSeconds(30) });

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => api.Client.GetUpdatesAsync(null, 0, [], CancellationToken.None));

        Assert.Equal("Telegram getUpdates did not answer within 0.2 s.", exception.Message);
    }

    [Fact]
    public async Task GetUpdates_WhenTheCallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        await using var api = await BotApiHarness.StartAsync();
        using var cancellation = new CancellationTokenSource();
        var poll = api.Client.GetUpdatesAsync(null, timeoutSeconds: 30, [], cancellation.Token);
        await api.Server.WaitForAsync("getUpdates");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
    }

    [Fact]
    public async Task GetUpdates_WhenHttpClientTimeoutIsShorterThanTheLongPoll_SaysSoBeforeSending()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetUpdatesAsync(null, 50, [], CancellationToken.None));

        Assert.Equal("HttpClient.Timeout (30 s) is shorter than a 50 s long poll needs (65 s); raise it or make it infinite.", exception.Message);
        Assert.Empty(server.Requests);
    }
}
