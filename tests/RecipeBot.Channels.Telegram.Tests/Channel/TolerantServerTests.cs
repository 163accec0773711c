using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Channels.Telegram.Tests.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>
/// The whole bot against a Bot API that is not quite Telegram — the answers telegram-test-api gives, served by
/// the fake: what the bot does not need may be missing or odd, and what is merely nice may fail.
/// </summary>
public sealed class TolerantServerTests : IAsyncLifetime
{
    // telegram-test-api's answers.
    private const string EmulatorMe = """{"username":"TestNameBot","first_name":"Test First name","id":666}""";
    private const string UnknownMethod = """{"message":"API method 'setMyCommands' is not supported."}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-tolerant-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private FakeBotApiServer _telegram = null!;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<BotHost> StartAsync(TimeProvider? time = null) => BotHost.StartAsync(_telegram, DatabasePath, time: time, configure: _logs.AddTo);

    private Task<RecordedRequest> ReplyAsync(long chatId, Func<string, bool>? text = null) =>
        _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == chatId && (text is null || text(r.Parameter("text") ?? "")));

    private IEnumerable<CapturedLog> OurWarningsAndErrors =>
        _logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.StartsWith("RecipeBot", StringComparison.Ordinal));

    [Fact]
    public async Task AGetMeWithoutIsBot_IsTheBotAllTheSame_AndItsUsernameAddressesItInGroups()
    {
        _telegram.Respond("getMe", _ => FakeResponse.OkJson(EmulatorMe));
        await using var bot = await StartAsync();
        const long group = -1_001_000_000_081;

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(group, "/start@TestNameBot", fromId: 1));

        await ReplyAsync(group);
        Assert.Empty(OurWarningsAndErrors);
    }

    [Fact]
    public async Task WithoutSetMyCommandsOrDeleteWebhook_TheBotWarnsOnce_AndPollsAndAnswers()
    {
        _telegram.Respond("setMyCommands", _ => FakeResponse.Raw(500, UnknownMethod, "application/json"));
        _telegram.Respond("deleteWebhook", _ => FakeResponse.Raw(500, UnknownMethod.Replace("setMyCommands", "deleteWebhook", StringComparison.Ordinal), "application/json"));
        await using var bot = await StartAsync();

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(82, "/start"));

        await ReplyAsync(82);
        Assert.Single(_telegram.RequestsFor("setMyCommands"));
        var warnings = OurWarningsAndErrors.ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.Contains(warnings, w => w.Message == "Telegram did not take the bot's command menu (setMyCommands: HTTP 500, not a Bot API answer); the bot works without it");
        Assert.Contains(warnings, w => w.Message.StartsWith("Telegram did not take deleteWebhook (HTTP 500, not a Bot API answer)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmptyAnswerThatComesAtOnce_IsFollowedByAPauseOnTheClock_NotByAHotLoop()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        _telegram.Respond("getUpdates", _ => FakeResponse.OkJson("[]"));
        await using var bot = await StartAsync(clock);

        await _telegram.WaitForAsync("getUpdates");
        // Without the pause, a second poll would follow within a millisecond or so.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var whileTheClockStood = _telegram.RequestsFor("getUpdates").Count;
        clock.Advance(TelegramPollingService.MinimumEmptyPoll);
        await _telegram.WaitForAsync("getUpdates", _ => _telegram.RequestsFor("getUpdates").Count >= 2);

        Assert.Equal(1, whileTheClockStood);
    }

    [Fact]
    public async Task AnswersInAnotherShapeThanTelegrams_StillMeanTaken_AndNothingIsSentTwice()
    {
        const long chat = 83;
        // As telegram-test-api answers: the date in milliseconds, the chat always private, no sender.
        _telegram.Respond("sendMessage", request => FakeResponse.OkJson($$$"""
            {"text":"…","message_id":{{{_telegram.RequestsFor("sendMessage").Count}}},
             "date":1700000000000,"chat":{"id":{{{request.Parameter("chat_id")}}},"first_name":"Bot","type":"private"}}
            """));
        _telegram.Respond("answerCallbackQuery", _ => FakeResponse.OkJson("null"));
        _telegram.Respond("editMessageReplyMarkup", _ => FakeResponse.OkJson("null"));
        await using var bot = await StartAsync();

        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(chat, "/start"));
        await ReplyAsync(chat, t => t.StartsWith("Hello!", StringComparison.Ordinal));
        _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(chat, 1, "en"));
        await ReplyAsync(chat, t => t.StartsWith("Who are you?", StringComparison.Ordinal));

        Assert.Equal(2, _telegram.RequestsFor("sendMessage").Count);
        Assert.Single(_telegram.RequestsFor("answerCallbackQuery"));
        Assert.Single(_telegram.RequestsFor("editMessageReplyMarkup"));
        Assert.Empty(OurWarningsAndErrors);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.StartsWith("Could not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUpdateTelegramBotCannotRead_IsGivenUpWithAnError_AndTheOffsetMovesPastIt()
    {
        // A date 30 million years ahead: Telegram.Bot's types cannot hold it.
        var unreadable = _telegram.EnqueueUpdate("""
            {"message":{"message_id":1,"date":1000000000000000,"chat":{"id":84,"type":"private"},"text":"/start"}}
            """);
        var readable = _telegram.EnqueueUpdate(FakeUpdates.TextMessage(85, "/start"));
        await using var bot = await StartAsync();

        await ReplyAsync(85);
        await _telegram.WaitForAsync("getUpdates", r => r.Int64Parameter("offset") == readable + 1);
        // Its chat is worked beside the readable one's, and may be given up just after that one was answered.
        await _logs.WaitForAsync(e => e.Level == LogLevel.Error, TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(_telegram.RequestsFor("sendMessage"), r => r.Int64Parameter("chat_id") == 84);
        var error = Assert.Single(OurWarningsAndErrors);
        Assert.Equal((LogLevel.Error, $"Update {unreadable} in the inbox is not readable; given up"), (error.Level, error.Message));
    }
}
