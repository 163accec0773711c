using Microsoft.Extensions.Logging;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using RecipeBot.Scheduling;
using RecipeBot.Storage.Sqlite;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>A meeting stored with a schedule no reminder can follow is logged and skipped; the others are served.</summary>
public sealed class BadStoredMeetingTests : IDisposable
{
    private const string Occurrence = "2026-03-10T16:00Z";

    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    public static TheoryData<string, string> BadSchedules => new()
    {
        { "FREQ=WEEKLY;INTERVAL=200000;BYDAY=MO", MeetingSchedule.DefaultTimeZone },
        { "FREQ=WEEKLY;INTERVAL=999999999;BYDAY=MO", MeetingSchedule.DefaultTimeZone },
        { "FREQ=WEEKLY;BYDAY=MO", "Mars/Olympus_Mons" },
        { "not a rule", MeetingSchedule.DefaultTimeZone },
    };

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public async Task TheCatchUp_SkipsABadStoredMeeting_WithAWarning_AndServesTheOthers(string rule, string timeZone)
    {
        using var database = new SqliteDatabase(_file.Path);
        var logger = new ListLogger<ReminderDispatcher>();
        var harness = new DispatcherHarness("2026-03-10T15:05Z", o => o.LeadTimes = ["1h"], stores: HarnessStores.Sqlite(database, TimeProvider.System), logger: logger);
        // Saved first, so that the catch-up meets it before the good meeting.
        var bad = await harness.SaveAsync(Create("absurd0001", Conversation, new MeetingSchedule(rule, new TimeOnly(10, 0), new DateOnly(2026, 1, 5), timeZone), "2026-01-01T00:00Z"));
        var good = await harness.SaveAsync(Monthly());

        await harness.CatchUpAsync();

        Assert.Equal(Dialogs.Messages.Reminder(good, Utc(Occurrence), late: false).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Null(harness.Timers.Meetings[bad.Id]);
        Assert.Equal(Utc("2026-03-10T18:00Z"), harness.Timers.Meetings[good.Id]);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("absurd0001", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public async Task ATimerFiringForABadStoredMeeting_RemovesItself_InsteadOfRetryingForever(string rule, string timeZone)
    {
        var harness = new DispatcherHarness("2026-03-10T15:10Z");
        var bad = await harness.SaveAsync(Create("absurd0001", Conversation, new MeetingSchedule(rule, new TimeOnly(10, 0), new DateOnly(2026, 1, 5), timeZone), "2026-01-01T00:00Z"));

        var next = await harness.DispatchAsync(bad);

        Assert.Null(next);
        Assert.Null(harness.Timers.Meetings[bad.Id]);
        Assert.Empty(harness.Sender.Sent);
    }

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public void ThePlanner_OwesNothingForABadSchedule(string rule, string timeZone)
    {
        var planner = new NotificationPlanner(new ReminderOptions());
        var bad = Create("absurd0001", Conversation, new MeetingSchedule(rule, new TimeOnly(10, 0), new DateOnly(2026, 1, 5), timeZone), "2026-01-01T00:00Z");

        var plan = planner.Plan(bad, Utc("2026-03-10T15:10Z"));

        Assert.Equal((0, null), (plan.Due.Count, plan.NextDueAt));
        Assert.Null(planner.Describe(bad, Utc(Occurrence), "lead-1h"));
    }
}
