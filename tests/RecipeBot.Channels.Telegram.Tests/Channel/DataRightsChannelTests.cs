using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Channels.Telegram.Tests.Logging;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>
/// The data rights through the whole bot as composed in production, on a real SQLite file with Quartz's tables: a
/// user makes a meeting, exports, forgets; afterwards no table of the database holds anything of them, a restart
/// brings nothing back, and no log entry of the run holds what they wrote.
/// </summary>
public sealed class DataRightsChannelTests : IAsyncLifetime
{
    private const long User = 98_765_432_101;
    private const long Other = 12_345_678_909;
    private const string Schedule = "every Tuesday at 18:00 in the Zebrahall";
    private const string FreeText = "we cannot find a single NGO near Zebrahall";

    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-rights-").FullName;
    private FakeBotApiServer _telegram = null!;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AfterForget_NoTableHoldsAnythingOfTheUser_ARestartBringsNothingBack_AndNoLogHeldTheirWords()
    {
        var logs = new CapturingLoggerProvider();
        string meetingId;
        string otherMeetingId;
        await using (var bot = await BotHost.StartAsync(_telegram, DatabasePath, configure: logs.AddTo))
        {
            meetingId = await MakeMeetingAsync(bot, User, Schedule);
            otherMeetingId = await MakeMeetingAsync(bot, Other, "every Wednesday at 17:00 in the Kaktus room");
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(User, FreeText, fromId: User));
            await ReplyAsync(User, _ => true);

            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(User, "/export", fromId: User));
            var document = await _telegram.WaitForAsync("sendDocument", r => r.Int64Parameter("chat_id") == User);
            var export = Encoding.UTF8.GetString(document.FileFor("document")!.Content);
            Assert.Contains(meetingId, export, StringComparison.Ordinal);
            Assert.Contains("Zebrahall", export, StringComparison.Ordinal);
            Assert.DoesNotContain(otherMeetingId, export, StringComparison.Ordinal);

            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(User, "/forget", fromId: User));
            await ReplyAsync(User, t => t.StartsWith("Shall I erase everything", StringComparison.Ordinal));
            _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(User, 30, "forget:yes", fromId: User));
            await ReplyAsync(User, t => t.StartsWith("Erased.", StringComparison.Ordinal));
            // Stopping the bot sees the farewell confirmed and deletes its outbox row; the search below checks it went.
        }

        var forbidden = new[] { User.ToString(System.Globalization.CultureInfo.InvariantCulture), meetingId, "Zebrahall" };
        Assert.Empty(Find(forbidden));
        // The search can find: the other user's id and meeting (with its Quartz trigger) are all there.
        var others = Find([Other.ToString(System.Globalization.CultureInfo.InvariantCulture), otherMeetingId]);
        Assert.Contains(others, hit => hit.StartsWith("conversations.", StringComparison.Ordinal));
        Assert.Contains(others, hit => hit.StartsWith("QRTZ_TRIGGERS.", StringComparison.Ordinal));

        var userWords = new[] { Schedule, FreeText, "Zebrahall" };
        var entries = logs.Entries.Where(e => !e.Message.StartsWith("Unsure about a message", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.All(userWords, word => Assert.DoesNotContain(word, e.FullText, StringComparison.OrdinalIgnoreCase)));
        Assert.All(logs.Scopes, scope => Assert.All(userWords, word => Assert.DoesNotContain(word, scope, StringComparison.OrdinalIgnoreCase)));

        await using (var restarted = await BotHost.StartAsync(_telegram, DatabasePath))
        {
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(User, "/meetings", fromId: User));
            var reply = await ReplyAsync(User, t => t.Contains("/forget", StringComparison.Ordinal));
            Assert.StartsWith("Hello!", reply.Parameter("text"), StringComparison.Ordinal);
            Assert.Empty(await restarted.Services.GetRequiredService<IMeetingStore>().ListAllAsync($"telegram:{User}", CancellationToken.None));
        }

        Assert.Empty(Find([meetingId, "Zebrahall"]));
    }

    private async Task<string> MakeMeetingAsync(BotHost bot, long chat, string schedule)
    {
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(chat, "/start", fromId: chat));
        var hello = await ReplyAsync(chat, t => t.StartsWith("Hello!", StringComparison.Ordinal));
        Assert.Contains("/forget", hello.Parameter("text"), StringComparison.Ordinal);
        _telegram.EnqueueUpdate(FakeUpdates.TextMessage(chat, schedule, fromId: chat));
        await ReplyAsync(chat, t => t.StartsWith("Meeting:", StringComparison.Ordinal));
        _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(chat, 20, "sched:save", fromId: chat));
        await ReplyAsync(chat, t => t.StartsWith("Saved:", StringComparison.Ordinal));
        return Assert.Single(await bot.Services.GetRequiredService<IMeetingStore>().ListAllAsync($"telegram:{chat}", CancellationToken.None)).Id;
    }

    private Task<RecordedRequest> ReplyAsync(long chat, Func<string, bool> text) =>
        _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == chat && text(r.Parameter("text") ?? string.Empty), TimeSpan.FromSeconds(30));

    private List<string> Find(IReadOnlyList<string> needles) => DatabaseSearch.Find(DatabasePath, needles);
}
