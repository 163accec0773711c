using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Reminders;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>
/// Reminders through the whole bot as composed in production: a Telegram user schedules a meeting,
/// the bot is stopped, the clock moves past a reminder, and the restarted bot sends it once.
/// </summary>
public sealed class ReminderChannelTests : IAsyncLifetime
{
    private const long Chat = 555_000_222;

    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-reminders-").FullName;

    // Monday 23 November 2026, 08:00 in Tallinn.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly HashSet<RecordedRequest> _seen = [];
    private FakeBotApiServer _telegram = null!;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AReminderDueWhileTheBotWasStopped_IsSentOnceAfterTheRestart()
    {
        await using (var bot = await BotHost.StartAsync(_telegram, DatabasePath, time: _time))
        {
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(Chat, "/start", languageCode: "en"));
            await ReplyAsync(t => t.StartsWith("Hello!", StringComparison.Ordinal));
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(Chat, "en"));
            await ReplyAsync(t => t.StartsWith("Who are you?", StringComparison.Ordinal));
            _telegram.EnqueueUpdate(FakeUpdates.TextMessage(Chat, "every Tuesday at 18:00 in the library"));
            var proposal = await ReplyAsync(t => t.StartsWith("Meeting: on Tuesdays at 18:00 in the library", StringComparison.Ordinal));
            Assert.Contains("• Tuesday 24 November at 18:00", proposal.Parameter("text"), StringComparison.Ordinal);
            _telegram.EnqueueUpdate(FakeUpdates.CallbackQuery(Chat, 20, "sched:save"));
            await ReplyAsync(t => t.StartsWith("Saved:", StringComparison.Ordinal));
            Assert.Single(await bot.Services.GetRequiredService<IMeetingStore>().ListActiveAsync(CancellationToken.None));
        }

        // Stopped over the day-before reminder (Monday 10:00 local); back 20 minutes later.
        Assert.True(_time.GetUtcNow() < new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 20, 0, TimeSpan.Zero));
        await using (var restarted = await BotHost.StartAsync(_telegram, DatabasePath, time: _time))
        {
            var reminder = await ReplyAsync(t => t.Contains("reminder", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(30));
            Assert.Equal("🔔 Late reminder: Working group meeting — Tuesday 24 November at 18:00 in the library.", reminder.Parameter("text"));

            // Stopped only once the outbox row is gone (Telegram's answer is in): a stop while the request is
            // still open is the crash window (the row stays and is sent again), not what this test is about.
            var meetings = restarted.Services.GetRequiredService<IMeetingStore>();
            var outbox = restarted.Services.GetRequiredService<IOutboxStore>();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (((await meetings.ListPendingAsync(CancellationToken.None)).Count > 0
                    || (await outbox.PendingAsync("telegram:", 0, 1, DateTimeOffset.MaxValue, CancellationToken.None)).Count > 0)
                   && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Empty(await meetings.ListPendingAsync(CancellationToken.None));
            Assert.Empty(await outbox.PendingAsync("telegram:", 0, 1, DateTimeOffset.MaxValue, CancellationToken.None));
        }

        await using (var again = await BotHost.StartAsync(_telegram, DatabasePath, time: _time))
        {
            // The start-up catch-up has looked at everything owed; give a send a moment to (not) arrive.
            await again.Services.GetRequiredService<ReminderCatchUpService>().FirstRun;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Single(_telegram.RequestsFor("sendMessage"), r => (r.Parameter("text") ?? string.Empty).Contains("reminder", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<RecordedRequest> ReplyAsync(Func<string, bool> text, TimeSpan? timeout = null)
    {
        // The bot waits on its clock too (one message per second per chat): let it run a second
        // per tenth of a real second until the reply arrives.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var reply = _telegram.RequestsFor("sendMessage").FirstOrDefault(r => r.Int64Parameter("chat_id") == Chat && text(r.Parameter("text") ?? string.Empty) && _seen.Add(r));
            if (reply is not null)
            {
                return reply;
            }

            Assert.True(DateTime.UtcNow < deadline, "No matching reply; sent: " + string.Join(" | ", _telegram.RequestsFor("sendMessage").Select(r => r.Parameter("text"))));
            await Task.Delay(100);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
