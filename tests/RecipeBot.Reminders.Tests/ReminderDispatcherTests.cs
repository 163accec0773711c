using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>
/// The monthly meeting of 10 March 2026 starts at 16:00Z; its reminders are due 9 March 08:00Z ("1d@10:00")
/// and 10 March 15:00Z ("1h"), the minutes follow-up 18:00Z, the nudge 13 March 18:00Z.
/// </summary>
public sealed class ReminderDispatcherTests
{
    private const string Occurrence = "2026-03-10T16:00Z";

    [Fact]
    public async Task DispatchRunTwice_SendsEachNotificationOnce()
    {
        var harness = new DispatcherHarness("2026-03-09T08:00Z");
        var meeting = await harness.SaveAsync(Monthly());

        foreach (var now in new[] { "2026-03-09T08:00Z", "2026-03-10T15:00Z", "2026-03-10T18:00Z", "2026-03-13T16:00Z", "2026-03-17T16:00Z" })
        {
            harness.SetNow(now);
            await harness.DispatchAsync(meeting);
            await harness.DispatchAsync(meeting);
        }

        Assert.Equal(5, harness.Sender.Sent.Count);
        Assert.Equal(
            [
                Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text,
                Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text,
                Dialogs.Messages.CloseQuestion(meeting, Utc(Occurrence), reminder: 0).Text,
                Dialogs.Messages.CloseQuestion(meeting, Utc(Occurrence), reminder: 1).Text,
                Dialogs.Messages.CloseQuestion(meeting, Utc(Occurrence), reminder: 2).Text,
            ],
            harness.Sender.Sent.Select(m => m.Text));
        Assert.All(harness.Sender.Sent, m => Assert.Equal(Conversation, m.ConversationId));
        foreach (var kind in new[] { "lead-1d@10:00", "lead-1h", NotificationKeys.Close, "close-3d", "close-7d" })
        {
            Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(meeting, Occurrence, kind));
        }
    }

    [Fact]
    public async Task Dispatch_SetsTheMeetingTimerToTheNextDueInstant()
    {
        var harness = new DispatcherHarness("2026-03-09T08:00Z");
        var meeting = await harness.SaveAsync(Monthly());

        var next = await harness.DispatchAsync(meeting);

        Assert.Equal(Utc("2026-03-10T15:00Z"), next);
        Assert.Equal(Utc("2026-03-10T15:00Z"), harness.Timers.Meetings[meeting.Id]);
    }

    [Fact]
    public async Task LateWithinItsLead_IsSentMarkedLate()
    {
        var harness = new DispatcherHarness("2026-03-10T15:40Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly());

        await harness.DispatchAsync(meeting);

        var sent = Assert.Single(harness.Sender.Sent);
        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: true).Text, sent.Text);
        Assert.NotEqual(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text, sent.Text);
        Assert.Equal(NotificationStatus.SentLate, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task LateWithinTheOnTimeTolerance_IsSentAsOnTime()
    {
        var harness = new DispatcherHarness("2026-03-10T15:01Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly());

        await harness.DispatchAsync(meeting);

        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task SixMinutesAfterItsTime_AsTheLastOfTenThousandDueAtOneMinute_IsStillOnTime()
    {
        // 10,000 reminders due at 15:00 leave at Telegram's 30/s: the last is dispatched about 15:06.
        var harness = new DispatcherHarness("2026-03-10T15:06Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly());

        await harness.DispatchAsync(meeting);

        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task LateByItsWholeLead_IsSkippedAndNotSent()
    {
        var harness = new DispatcherHarness("2026-03-10T16:00Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly());

        await harness.DispatchAsync(meeting);

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(0, harness.Sender.Attempts);
        Assert.Equal(NotificationStatus.Skipped, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task FollowUpLaterThanItsGrace_IsSkipped()
    {
        var harness = new DispatcherHarness("2026-03-11T18:00Z", o => o.LeadTimes = []);
        var meeting = await harness.SaveAsync(Monthly());

        await harness.DispatchAsync(meeting);

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(NotificationStatus.Skipped, await harness.StatusAsync(meeting, Occurrence, NotificationKeys.Close));
    }

    [Fact]
    public async Task SeveralRemindersDueAtOnce_OnlyTheLatestIsSent()
    {
        // Down from before the day-before reminder until just after the hour-before one.
        var harness = new DispatcherHarness("2026-03-10T15:05Z", o => o.OnTimeTolerance = TimeSpan.FromMinutes(1));
        var meeting = await harness.SaveAsync(Monthly());

        await harness.DispatchAsync(meeting);

        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: true).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.Skipped, await harness.StatusAsync(meeting, Occurrence, "lead-1d@10:00"));
        Assert.Equal(NotificationStatus.SentLate, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task CloseReminders_AreSentOnlyWhileTheMeetingIsNotClosed()
    {
        var harness = new DispatcherHarness("2026-03-10T18:00Z", o => o.LeadTimes = []);
        var closed = await harness.SaveAsync(Monthly("closed0001", "test:closed"));
        var legacy = await harness.SaveAsync(Monthly("legacy0001", "test:legacy"));
        var open = await harness.SaveAsync(Monthly("forgotten1", "test:forgotten"));
        foreach (var meeting in new[] { closed, legacy, open })
        {
            await harness.DispatchAsync(meeting);
        }

        await harness.Stores.CloseOuts.SaveAsync(
            MeetingCloseOut.Begin(closed.Id, Utc(Occurrence), closed.ConversationId, null, Utc("2026-03-11T09:00Z"))
                with { Step = CloseOutStep.Closed, Attendees = 9, ClosedAt = Utc("2026-03-11T09:05Z") },
            CancellationToken.None);
        // Pressed "minutes published" before the upgrade: the old marker counts as closed.
        await harness.Store.TryClaimAsync(
            NotificationKeys.Meeting(legacy.Id, Utc(Occurrence), NotificationKeys.LegacyMinutesDone), "engine", Utc("2026-03-11T09:00Z"), NotificationStatus.Done, Utc("2026-03-11T09:00Z"), CancellationToken.None);

        foreach (var now in new[] { "2026-03-13T16:00Z", "2026-03-17T16:00Z" })
        {
            harness.SetNow(now);
            foreach (var meeting in new[] { closed, legacy, open })
            {
                await harness.DispatchAsync(meeting);
            }
        }

        Assert.Equal(
            [
                ("test:closed", Dialogs.Messages.CloseQuestion(closed, Utc(Occurrence), reminder: 0).Text),
                ("test:legacy", Dialogs.Messages.CloseQuestion(legacy, Utc(Occurrence), reminder: 0).Text),
                ("test:forgotten", Dialogs.Messages.CloseQuestion(open, Utc(Occurrence), reminder: 0).Text),
                ("test:forgotten", Dialogs.Messages.CloseQuestion(open, Utc(Occurrence), reminder: 1).Text),
                ("test:forgotten", Dialogs.Messages.CloseQuestion(open, Utc(Occurrence), reminder: 2).Text),
            ],
            harness.Sender.Sent.Select(m => (m.ConversationId, m.Text)));
        Assert.Null(await harness.StatusAsync(closed, Occurrence, "close-3d"));
        Assert.Null(await harness.StatusAsync(legacy, Occurrence, "close-7d"));
        Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(open, Occurrence, "close-7d"));
    }

    [Fact]
    public async Task ChatMarkedInactive_GetsNoReminder_TheKeyIsUndeliverable_AndAllItsMeetingsPause()
    {
        var harness = new DispatcherHarness("2026-03-10T15:00Z", o => o.LeadTimes = ["1h"]);
        // Marked inactive while its meetings stayed active: the pause that goes with it was lost in a crash.
        await harness.Chats.SetActiveAsync("test:blocked", false, CancellationToken.None);
        var first = await harness.SaveAsync(Monthly("blocked001", "test:blocked"));
        var second = await harness.SaveAsync(Fortnightly("blocked002") with { ConversationId = "test:blocked" });
        var elsewhere = await harness.SaveAsync(Monthly("elsewhere1", "test:still-here"));

        var next = await harness.DispatchAsync(first);

        Assert.Null(next);
        Assert.Equal(0, harness.Sender.Attempts);
        Assert.Empty(await harness.OutboxRowsAsync());
        Assert.Equal(NotificationStatus.Undeliverable, await harness.StatusAsync(first, Occurrence, "lead-1h"));
        Assert.Equal(MeetingStatus.Paused, (await harness.Store.GetAsync(first.Id, CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Paused, (await harness.Store.GetAsync(second.Id, CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Active, (await harness.Store.GetAsync(elsewhere.Id, CancellationToken.None))!.Status);
        Assert.Null(harness.Timers.Meetings[first.Id]);
        Assert.Null(harness.Timers.Meetings[second.Id]);
    }

    [Fact]
    public async Task A403MetByTheOutbox_MarksTheChatInactive_AndPausesAllItsMeetings()
    {
        var harness = new DispatcherHarness("2026-03-10T15:00Z", o => o.LeadTimes = ["1h"]);
        var first = await harness.SaveAsync(Monthly("blocked001", "test:blocked"));
        var second = await harness.SaveAsync(Fortnightly("blocked002") with { ConversationId = "test:blocked" });
        var elsewhere = await harness.SaveAsync(Monthly("elsewhere1", "test:still-here"));
        harness.Sender.Answer("test:blocked", SendOutcome.Blocked);

        await harness.DispatchAsync(first);

        // Queued before the channel said no: the ledger records the hand-over, the outbox dropped the row.
        Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(first, Occurrence, "lead-1h"));
        Assert.Equal(1, harness.Sender.Attempts);
        Assert.Empty(harness.Sender.Sent);
        Assert.Empty(await harness.OutboxRowsAsync());
        Assert.False(await harness.Chats.IsActiveAsync("test:blocked", CancellationToken.None));
        Assert.Equal(MeetingStatus.Paused, (await harness.Store.GetAsync(first.Id, CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Paused, (await harness.Store.GetAsync(second.Id, CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Active, (await harness.Store.GetAsync(elsewhere.Id, CancellationToken.None))!.Status);

        // The paused meetings' timers still fire once: each finds its meeting paused, sends nothing and is dropped.
        harness.SetNow("2026-03-10T18:00Z");
        Assert.Null(await harness.DispatchAsync(first));
        Assert.Null(await harness.DispatchAsync(second));
        Assert.Equal(1, harness.Sender.Attempts);
        Assert.Null(harness.Timers.Meetings[first.Id]);
        Assert.Null(harness.Timers.Meetings[second.Id]);
    }

    [Fact]
    public async Task PausedMeeting_SendsNothingAndLosesItsTimer()
    {
        var harness = new DispatcherHarness("2026-03-10T15:00Z");
        var meeting = await harness.SaveAsync(Monthly() with { Status = MeetingStatus.Paused });

        await harness.DispatchAsync(meeting);

        Assert.Empty(harness.Sender.Sent);
        Assert.Null(harness.Timers.Meetings[meeting.Id]);
    }

    [Fact]
    public async Task ChannelFailure_KeepsTheReminderInTheOutbox_AndTheOutboxsRetryDeliversItOnce()
    {
        var harness = new DispatcherHarness("2026-03-10T15:00Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly());
        harness.Sender.Answer(Conversation, SendOutcome.Failed);

        var next = await harness.DispatchAsync(meeting);

        // The dispatcher is done with it: the key is Sent and the timer moves on to the minutes follow-up.
        Assert.Equal(Utc("2026-03-10T18:00Z"), next);
        Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(1, harness.Sender.Attempts);
        var waiting = Assert.Single(await harness.OutboxRowsAsync());
        Assert.Equal((Conversation, 1), (waiting.Message.ConversationId, waiting.Attempts));

        harness.Sender.Answer(Conversation, SendOutcome.Sent);
        harness.Time.Advance(TimeSpan.FromSeconds(2)); // the outbox's first retry
        await harness.DispatchAsync(meeting);
        await harness.FlushAsync();

        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Equal(2, harness.Sender.Attempts);
        Assert.Empty(await harness.OutboxRowsAsync());
        Assert.Equal(NotificationStatus.Sent, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task ConversationNoChannelHereServes_IsLeftToTheProcessThatHasIt()
    {
        var harness = new DispatcherHarness("2026-03-10T15:00Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly(conversation: "nowhere:42"));

        var next = await harness.DispatchAsync(meeting);

        Assert.Null(next);
        Assert.Equal(0, harness.Sender.Attempts);
        Assert.Null(await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
        Assert.Equal(MeetingStatus.Active, (await harness.Store.GetAsync(meeting.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ClaimOfAnotherInstance_InHand_IsLeftToIt()
    {
        var harness = new DispatcherHarness("2026-03-10T15:00Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly());
        var key = NotificationKeys.Meeting(meeting.Id, Utc(Occurrence), "lead-1h");
        await harness.Store.TryClaimAsync(key, "instance-b", Utc("2026-03-10T15:00Z"), NotificationStatus.Pending, Utc("2026-03-10T15:00Z"), CancellationToken.None);

        var next = await harness.DispatchAsync(meeting);

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(Utc("2026-03-10T15:01Z"), next);
    }
}
