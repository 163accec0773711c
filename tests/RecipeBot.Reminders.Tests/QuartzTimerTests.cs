using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Timers;
using RecipeBot.Reminders.Tests.Support;
using RecipeBot.Scheduling;

namespace RecipeBot.Reminders.Tests;

/// <summary>Quartz on a real SQLite file and the real clock.</summary>
public sealed class QuartzTimerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDatabase _file = new();

    [Fact]
    public async Task StartUp_CreatesQuartzTablesInTheBotsSqliteFile()
    {
        await using (var host = await ReminderHost.StartAsync(_file.Path, TimeProvider.System, new RecordingSender()))
        {
            await host.CatchUpDone;
            var metadata = await host.Scheduler.GetMetadata();
            Assert.Equal("recipebot", metadata.SchedulerName);
            Assert.True(metadata.JobStorePersistent);
        }

        var tables = Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ_%' ORDER BY name");
        Assert.Equal(
            [
                "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS", "QRTZ_CRON_TRIGGERS", "QRTZ_FIRED_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_LOCKS",
                "QRTZ_PAUSED_JOB_GRPS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_TRIGGERS",
            ],
            tables);
        Assert.Equal(
            ["recipebot|reminder|reminders|1", "recipebot|retention|privacy|1"],
            Query("SELECT SCHED_NAME || '|' || JOB_NAME || '|' || JOB_GROUP || '|' || IS_DURABLE FROM QRTZ_JOB_DETAILS ORDER BY JOB_NAME"));
        // The daily retention pass: one cron trigger, 03:30 in Tallinn.
        Assert.Equal(["retention|0 30 3 * * ?|Europe/Tallinn"], Query("SELECT TRIGGER_NAME || '|' || CRON_EXPRESSION || '|' || TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS"));
        // The conversations' tables live in the same file.
        Assert.Contains("meetings", Query("SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task MeetingTrigger_IsStoredAndFires_CallingTheDispatcherOnce()
    {
        var sender = new RecordingSender();
        // The meeting store keeps seconds (SQLite's keeps minutes), so that the reminder can be due seconds from now.
        await using var host = await ReminderHost.StartAsync(
            _file.Path, TimeProvider.System, sender, new Dictionary<string, string?> { ["Reminders:LeadTimes:0"] = "1h" }, meetingsInMemory: true);
        await host.CatchUpDone;
        var now = TimeProvider.System.GetUtcNow();
        // A meeting an hour and three seconds from now: its "1h" reminder is due in three seconds.
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddHours(1).AddSeconds(3);
        var meeting = OneOff("quartz0001", start, now);
        await host.Store.SaveAsync(meeting, CancellationToken.None);

        await host.Services.GetRequiredService<IReminderScheduler>().MeetingChangedAsync(meeting, CancellationToken.None);

        var key = new TriggerKey("meeting.quartz0001", "reminders");
        Assert.Equal(start.AddHours(-1), (await host.Scheduler.GetTrigger(key))?.NextFireTimeUtc);
        Assert.Equal(
            [$"recipebot|reminders.reminder|SIMPLE|{start.AddHours(-1).UtcTicks}"],
            Query("SELECT SCHED_NAME || '|' || JOB_GROUP || '.' || JOB_NAME || '|' || TRIGGER_TYPE || '|' || NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'meeting.quartz0001' AND TRIGGER_GROUP = 'reminders'"));
        Assert.True(await ReminderHost.WaitUntilAsync(() => Task.FromResult(sender.Sent.Count > 0), Patience), "the reminder was not sent");
        // Moved on to the minutes follow-up, two hours after the start.
        Assert.True(
            await ReminderHost.WaitUntilAsync(async () => (await host.Scheduler.GetTrigger(key))?.NextFireTimeUtc == start.AddHours(2), Patience),
            "the trigger was not moved to the follow-up");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var sent = Assert.Single(sender.Sent);
        Assert.Equal(Dialogs.Messages.Reminder(meeting, start, late: false).Text, sent.Text);
        Assert.Equal(NotificationStatus.Sent, await host.Store.GetStatusAsync(NotificationKeys.Meeting(meeting.Id, start, "lead-1h"), CancellationToken.None));
    }

    [Fact]
    public async Task TriggerOverdueByMoreThanAMinute_FiresAtOnce_NotAtTheMisfireHandlersNextPass()
    {
        // Thousands of reminders due at one minute wait for Quartz's threads, whose jobs wait for Telegram's 30/s:
        // a trigger still waiting a minute later must go on firing, not be set aside as misfired.
        var sender = new RecordingSender();
        await using var host = await ReminderHost.StartAsync(
            _file.Path, TimeProvider.System, sender, new Dictionary<string, string?> { ["Reminders:LeadTimes:0"] = "1h" }, meetingsInMemory: true);
        await host.CatchUpDone;
        var now = TimeProvider.System.GetUtcNow();
        // Its "1h" reminder fell due 90 s ago, after the meeting was made.
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddHours(1).AddSeconds(-90);
        var meeting = OneOff("quartz0003", start, now.AddMinutes(-5));
        await host.Store.SaveAsync(meeting, CancellationToken.None);

        await host.Services.GetRequiredService<IReminderTimers>().SetMeetingTimerAsync(meeting.Id, start.AddHours(-1), CancellationToken.None);

        // At the default threshold of a minute it waited for the misfire handler's next pass, up to a minute later.
        Assert.True(await ReminderHost.WaitUntilAsync(() => Task.FromResult(sender.Sent.Count > 0), TimeSpan.FromSeconds(15)), "the overdue trigger did not fire");
        Assert.NotNull(await host.Store.GetStatusAsync(NotificationKeys.Meeting(meeting.Id, start, "lead-1h"), CancellationToken.None));
    }

    [Fact]
    public async Task CancelledMeeting_LosesItsTrigger()
    {
        await using var host = await ReminderHost.StartAsync(_file.Path, TimeProvider.System, new RecordingSender());
        await host.CatchUpDone;
        var now = TimeProvider.System.GetUtcNow();
        var meeting = OneOff("quartz0002", now.AddDays(3), now);
        var scheduler = host.Services.GetRequiredService<IReminderScheduler>();
        await scheduler.MeetingChangedAsync(meeting, CancellationToken.None);
        var key = new TriggerKey("meeting.quartz0002", "reminders");
        Assert.True(await host.Scheduler.Exists(key));

        await scheduler.MeetingChangedAsync(meeting with { Status = MeetingStatus.Cancelled }, CancellationToken.None);

        Assert.False(await host.Scheduler.Exists(key));
    }

    [Fact]
    public async Task NextStepTrigger_IsNamedByAHashAndCarriesTheStep()
    {
        await using var host = await ReminderHost.StartAsync(_file.Path, TimeProvider.System, new RecordingSender());
        await host.CatchUpDone;
        var step = new NextStep("test:official", "contact/no-partners", TimeProvider.System.GetUtcNow().AddDays(7), "et");

        await host.Services.GetRequiredService<IReminderScheduler>().NextStepChangedAsync(step, removed: false, CancellationToken.None);

        var key = ReminderTriggers.NextStep(step.ConversationId, step.SituationId);
        Assert.Matches("^next-step\\.[0-9a-f]{16}$", key.Name);
        var trigger = await host.Scheduler.GetTrigger(key);
        Assert.Equal(step.DueAt.UtcTicks / TimeSpan.TicksPerSecond, trigger!.NextFireTimeUtc!.Value.UtcTicks / TimeSpan.TicksPerSecond);
        Assert.True(ReminderTriggers.TryParseNextStep(trigger.JobDataMap.GetString(ReminderTriggers.NextStepData), out var conversation, out var situation));
        Assert.Equal((step.ConversationId, step.SituationId), (conversation, situation));

        await host.Services.GetRequiredService<IReminderScheduler>().NextStepChangedAsync(step, removed: true, CancellationToken.None);

        Assert.False(await host.Scheduler.Exists(key));
    }

    [Fact]
    public async Task MemoryStorage_KeepsTheTimersInMemory()
    {
        await using var host = await ReminderHost.StartAsync(_file.Path, TimeProvider.System, new RecordingSender(), meetingsInMemory: true, provider: "memory");
        await host.CatchUpDone;

        var metadata = await host.Scheduler.GetMetadata();

        Assert.False(metadata.JobStorePersistent);
        Assert.Contains("RAMJobStore", metadata.JobStoreTypeName, StringComparison.Ordinal);
        Assert.False(File.Exists(_file.Path));
    }

    public void Dispose() => _file.Dispose();

    private static Meeting OneOff(string id, DateTimeOffset start, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(MeetingSchedule.DefaultTimeZone));
        var schedule = new MeetingSchedule(string.Empty, TimeOnly.FromDateTime(local.DateTime), DateOnly.FromDateTime(local.DateTime));
        return new Meeting(id, "test:quartz", "user-1", schedule, MeetingStatus.Active, "et", now, now);
    }

    private List<string> Query(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
