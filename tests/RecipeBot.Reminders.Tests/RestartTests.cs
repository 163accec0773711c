using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>
/// The bot is stopped before a reminder is due and started again after: the reminder goes out once,
/// marked late, and another restart sends nothing more. Everything lives in one SQLite file.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDatabase _file = new();

    [Fact]
    public async Task ReminderDueWhileStopped_IsSentOnceMarkedLate_AndNeverAgain()
    {
        var time = new FakeTimeProvider(Utc("2026-03-09T06:00Z"));
        var sender = new RecordingSender();
        var meeting = Monthly(created: "2026-03-09T06:00Z");
        var dayBefore = NotificationKeys.Meeting(meeting.Id, Utc("2026-03-10T16:00Z"), "lead-1d@10:00");
        var trigger = new TriggerKey("meeting." + meeting.Id, "reminders");

        await using (var first = await ReminderHost.StartAsync(_file.Path, time, sender))
        {
            await first.CatchUpDone;
            await first.Store.SaveAsync(meeting, CancellationToken.None);
            await first.Services.GetRequiredService<IReminderScheduler>().MeetingChangedAsync(meeting, CancellationToken.None);
            Assert.Equal(Utc("2026-03-09T08:00Z"), (await first.Scheduler.GetTrigger(trigger))?.NextFireTimeUtc);
        }

        // Down over the day-before reminder (10:00 local): back half an hour later, well within its lead.
        time.SetUtcNow(Utc("2026-03-09T08:30Z"));
        await using (var second = await ReminderHost.StartAsync(_file.Path, time, sender))
        {
            await second.CatchUpDone;
            Assert.True(
                await ReminderHost.WaitUntilAsync(async () => (await second.Scheduler.GetTrigger(trigger))?.NextFireTimeUtc == Utc("2026-03-10T15:00Z"), Patience),
                "the trigger did not move on to the hour-before reminder");
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(NotificationStatus.SentLate, await second.Store.GetStatusAsync(dayBefore, CancellationToken.None));
        }

        var sent = Assert.Single(sender.Sent);
        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc("2026-03-10T16:00Z"), late: true).Text, sent.Text);

        time.Advance(TimeSpan.FromMinutes(5));
        await using (var third = await ReminderHost.StartAsync(_file.Path, time, sender))
        {
            await third.CatchUpDone;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Single(sender.Sent);
    }

    public void Dispose() => _file.Dispose();
}
