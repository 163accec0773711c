using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>The bot in long-polling mode against the fake Bot API over real HTTP.</summary>
public sealed class PollingChannelTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-telegram-").FullName;
    private FakeBotApiServer _telegram = null!;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<RecordedRequest> ReplyAsync(long chatId, Func<string, bool>? text = null) =>
        _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == chatId && (text is null || text(r.Parameter("text") ?? "")));

    [Fact]
    public async Task AtStartUp_TheBotIntroducesItself_WithCommandsInEachLanguage_AndKeepsPendingUpdates()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        await _telegram.WaitForAsync("getUpdates");

        Assert.Single(_telegram.RequestsFor("getMe"));
        var languages = _telegram.RequestsFor("setMyCommands").Select(r => r.Parameter("language_code")).ToList();
        Assert.Equal(["et", "en", "ru", null], languages);
        var deleteWebhook = Assert.Single(_telegram.RequestsFor("deleteWebhook"));
        Assert.NotEqual(true, deleteWebhook.BooleanParameter("drop_pending_updates"));
    }

    [Fact]
    public async Task APoll_AsksForNoMoreUpdatesThanTheSenderHasRequestSlots()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        var poll = await _telegram.WaitForAsync("getUpdates");

        Assert.Equal(new RecipeBot.Channels.Telegram.Sending.TelegramSendLimits().MaxConcurrentRequests, poll.Int64Parameter("limit"));
    }

    [Fact]
    public async Task TheTimesAPollIsHeldBy_AreMeasuredFromTheUpdatesTaken_AndTheRepliesSent()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);
        var processor = bot.Services.GetRequiredService<RecipeBot.Channels.Telegram.Receiving.TelegramInboxProcessor>();
        var sender = bot.Services.GetRequiredService<RecipeBot.Channels.Telegram.Sending.TelegramSender>();
        Assert.Null(processor.TypicalTurnTime);
        Assert.Null(sender.TypicalRoundTrip);

        // A turn is timed once its handler returns, which may be just after its reply went out; a chat's next update
        // starts only after that, so the reply to a second one means the first was timed.
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(777_000_222, "/start"));
        var first = await ReplyAsync(777_000_222);
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(777_000_222, "/help", messageId: 2));
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 777_000_222 && !ReferenceEquals(r, first));
        await sender.WhenIdleAsync(CancellationToken.None);

        Assert.True(processor.TypicalTurnTime > TimeSpan.Zero);
        Assert.True(sender.TypicalRoundTrip > TimeSpan.Zero);
    }

    [Fact]
    public async Task APrivateUser_WalksFromStartToARecipe_ByPressingButtons()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);
        const long chat = 777_000_111;

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(chat, "/start", languageCode: "ru"));
        var greeting = await ReplyAsync(chat);
        Assert.StartsWith("Здравствуйте!", greeting.Parameter("text"), StringComparison.Ordinal);
        // Telegram reads parse_mode in any case; Telegram.Bot writes "Html".
        Assert.Equal("HTML", greeting.Parameter("parse_mode"), ignoreCase: true);
        var buttons = greeting.ParameterJson("reply_markup")!.Value.GetProperty("inline_keyboard");
        Assert.Equal(["et", "en", "ru"], buttons.EnumerateArray().Take(3).Select(row => row[0].GetProperty("callback_data").GetString()));

        foreach (var (press, messageId) in new[] { ("en", 10L), ("official", 11L), ("contact", 12L) })
        {
            _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(chat, messageId, press));
            await _telegram.WaitForAsync("answerCallbackQuery", r => r.Parameter("callback_query_id") == $"cbq-{chat}-{messageId}-{press}");
        }

        _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(chat, 13, "no-partners"));
        var recipes = await ReplyAsync(chat, t => t.StartsWith("What helps with", StringComparison.Ordinal));

        Assert.Contains("“We can't find NGOs or active residents”", recipes.Parameter("text"), StringComparison.Ordinal);
        await _telegram.WaitForAsync("editMessageReplyMarkup", r => r.Int64Parameter("message_id") == 13);
        var stored = await bot.Services.GetRequiredService<IConversationStore>().LoadAsync($"telegram:{chat}", CancellationToken.None);
        Assert.Equal("contact/no-partners", stored!.State);
        Assert.Equal("official", stored.Role);
    }

    [Fact]
    public async Task InAGroup_TheBotAnswersCommandsAndMentionsOnly_AndKeepsOneConversationPerGroup()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);
        const long group = -1_001_234_567_890;

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(group, "just chatting among ourselves", fromId: 1));
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(group, "/help@SomeOtherBot", fromId: 1));
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(group, "/start@RecipeTestBot", fromId: 1));
        await ReplyAsync(group);
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(group, "@RecipeTestBot 2", fromId: 2));
        var second = await ReplyAsync(group, t => t.StartsWith("Who are you?", StringComparison.Ordinal));

        Assert.Equal(2, _telegram.RequestsFor("sendMessage").Count(r => r.Int64Parameter("chat_id") == group));
        Assert.NotNull(second);
        var stored = await bot.Services.GetRequiredService<IConversationStore>().LoadAsync($"telegram:{group}", CancellationToken.None);
        Assert.Equal("role", stored!.State);
    }

    [Fact]
    public async Task AnUnknownUpdateKind_IsSkipped_WithoutStallingTheOthers()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);

        _telegram.EnqueueUpdate("""{"poll": {"id": "1", "question": "?", "options": [], "total_voter_count": 0, "is_closed": false, "is_anonymous": true, "type": "regular", "allows_multiple_answers": false}}""");
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(55, "/start"));

        await ReplyAsync(55);
        Assert.Single(_telegram.RequestsFor("sendMessage"));
    }

    [Fact]
    public async Task TheOffset_IsStoredAfterHandling_AndARestartedBotContinuesFromIt()
    {
        long last;
        await using (var bot = await BotHost.StartAsync(_telegram, DatabasePath))
        {
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(56, "/start"));
            last = _telegram.EnqueueUpdate(FakeUpdates.TextMessage(56, "en"));
            await ReplyAsync(56, t => t.StartsWith("Who are you?", StringComparison.Ordinal));
            await _telegram.WaitForAsync("getUpdates", r => r.Int64Parameter("offset") == last + 1);
        }

        var before = _telegram.Requests.Count;
        await using var restarted = await BotHost.StartAsync(_telegram, DatabasePath);
        var firstPoll = await _telegram.WaitForAsync("getUpdates", r => _telegram.Requests.ToList().IndexOf(r) >= before);

        Assert.Equal(last + 1, firstPoll.Int64Parameter("offset"));
    }

    [Fact]
    public async Task AnUpdateDeliveredAgainAfterACrashBeforeTheOffsetCommit_HasEffectOnce()
    {
        const long chat = 57;
        string redelivered;
        await using (var bot = await BotHost.StartAsync(_telegram, DatabasePath))
        {
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(chat, "/start"));
            var id = _telegram.EnqueueUpdate(FakeUpdates.TextMessage(chat, "en"));
            await ReplyAsync(chat, t => t.StartsWith("Who are you?", StringComparison.Ordinal));
            redelivered = $$"""{"update_id": {{id}}, {{FakeUpdates.TextMessage(chat, "en")[1..]}}""";
        }

        // The crash: the offset never reached the disk, so Telegram hands the same update out again.
        var cursorDatabase = new Storage.Sqlite.SqliteDatabase(DatabasePath);
        using (cursorDatabase)
        {
            var conversations = new Storage.Sqlite.SqliteConversationStore(cursorDatabase);
            ICursorStore cursors = new Storage.Sqlite.SqliteChannelStore(cursorDatabase, conversations, TimeProvider.System);
            await cursors.SetAsync(TelegramPollingService.OffsetCursor, 0, CancellationToken.None);
        }

        _telegram.EnqueueRawUpdate(redelivered);
        await using var restarted = await BotHost.StartAsync(_telegram, DatabasePath);
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(chat, "/help"));
        await ReplyAsync(chat, t => t.StartsWith("Press a button", StringComparison.Ordinal));

        Assert.Equal(1, _telegram.RequestsFor("sendMessage").Count(r => (r.Parameter("text") ?? "").StartsWith("Who are you?", StringComparison.Ordinal)));
        var stored = await restarted.Services.GetRequiredService<IConversationStore>().LoadAsync($"telegram:{chat}", CancellationToken.None);
        Assert.Equal(3, stored!.Turns);
    }

    [Fact]
    public async Task AUserWhoBlocksTheBot_IsMarkedInactive_AndActiveAgainOnStart()
    {
        await using var bot = await BotHost.StartAsync(_telegram, DatabasePath);
        var chats = bot.Services.GetRequiredService<IChatDirectory>();

        _telegram.EnqueueUpdate(FakeUpdates.MyChatMember(58, "kicked"));
        await WaitUntilAsync(async () => !await chats.IsActiveAsync("telegram:58", CancellationToken.None));
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(58, "/start"));
        await ReplyAsync(58);

        Assert.True(await chats.IsActiveAsync("telegram:58", CancellationToken.None));
    }

    [Fact]
    public async Task StartInAChatThatIsActive_WritesNoChatStatus()
    {
        await using (var bot = await BotHost.StartAsync(_telegram, DatabasePath))
        {
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(59, "/start"));
            await ReplyAsync(59);
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(59, "/start"));
            await WaitUntilAsync(() => Task.FromResult(_telegram.RequestsFor("sendMessage").Count(r => r.Int64Parameter("chat_id") == 59) >= 2));

            Assert.True(await bot.Services.GetRequiredService<IChatDirectory>().IsActiveAsync("telegram:59", CancellationToken.None));
        }

        // A chat never marked is active: its status is written only when it changes (blocked, back again, moved).
        Assert.Equal(0L, DatabaseSearch.Count(DatabasePath, "chats"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The condition did not become true within 10 s.");
    }
}
