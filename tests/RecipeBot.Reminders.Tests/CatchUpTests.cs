using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

public sealed class CatchUpTests
{
    private const string Occurrence = "2026-03-10T16:00Z";

    [Fact]
    public async Task ClaimLeftPendingByACrash_IsSentByTheCatchUp_Once()
    {
        var harness = new DispatcherHarness("2026-03-10T15:10Z", LateAfterAMinute);
        var meeting = await harness.SaveAsync(Monthly());
        // The crash: the claim was written, the send never happened.
        await ClaimAsync(harness, meeting, "lead-1h", harness.Dispatcher.InstanceId, "2026-03-10T15:00Z");

        await harness.CatchUpAsync();
        await harness.CatchUpAsync();
        await harness.DispatchAsync(meeting);

        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: true).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.SentLate, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
        Assert.Empty(await harness.Store.ListPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReminderQueuedBeforeACrash_IsDeliveredByTheOutboxAfterTheRestart_AndNotQueuedAgain()
    {
        var before = new DispatcherHarness("2026-03-10T15:00Z", LateAfterAMinute);
        var meeting = await before.SaveAsync(Monthly());
        // The crash: the ledger key and the outbox row were committed, the outbox never got to send the row.
        await before.Dispatcher.DispatchMeetingAsync(meeting.Id, CancellationToken.None);
        Assert.Empty(before.Sender.Sent);

        var after = new DispatcherHarness("2026-03-10T15:10Z", LateAfterAMinute, stores: before.Stores, time: before.Time);
        after.SetNow("2026-03-10T15:10Z");
        await after.CatchUpAsync();
        await after.DispatchAsync(meeting);

        // Queued on time, so it still says so, though the outbox delivers it ten minutes later.
        Assert.Equal(Dialogs.Messages.Reminder(meeting, Utc(Occurrence), late: false).Text, Assert.Single(after.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.Sent, await after.StatusAsync(meeting, Occurrence, "lead-1h"));
        Assert.Empty(await after.OutboxRowsAsync());
    }

    [Fact]
    public async Task ClaimLeftPendingByAnotherInstance_IsResentOnlyOnceItHasBeenQuietForThePendingTimeout()
    {
        var harness = new DispatcherHarness("2026-03-10T15:05Z", LateAfterAMinute);
        var meeting = await harness.SaveAsync(Monthly());
        // Claimed a minute ago: quiet for less than the pending timeout (2 min), so still in hand.
        await ClaimAsync(harness, meeting, "lead-1h", "instance-b", "2026-03-10T15:04Z");

        await harness.CatchUpAsync();
        Assert.Empty(harness.Sender.Sent);

        harness.SetNow("2026-03-10T15:10Z");
        await harness.CatchUpAsync();

        Assert.Single(harness.Sender.Sent);
        Assert.Equal(NotificationStatus.SentLate, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task ClaimLeftPending_ForAMeetingSinceCancelled_IsSkipped()
    {
        var harness = new DispatcherHarness("2026-03-10T15:10Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly() with { Status = MeetingStatus.Cancelled });
        await ClaimAsync(harness, meeting, "lead-1h", harness.Dispatcher.InstanceId, "2026-03-10T15:00Z");

        await harness.CatchUpAsync();

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(NotificationStatus.Skipped, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task ClaimLeftPending_ForAMeetingChangedSince_IsSkipped()
    {
        var harness = new DispatcherHarness("2026-03-10T15:10Z", o => o.LeadTimes = ["1h"]);
        var meeting = await harness.SaveAsync(Monthly());
        await ClaimAsync(harness, meeting, "lead-1h", harness.Dispatcher.InstanceId, "2026-03-10T15:00Z");
        // Moved to the second Wednesday after the claim was made: the Tuesday reminder is not owed any more.
        await harness.SaveAsync(meeting with
        {
            Schedule = meeting.Schedule with { RecurrenceRule = "FREQ=MONTHLY;BYDAY=2WE", FirstDate = new DateOnly(2026, 1, 14) },
            UpdatedAt = Utc("2026-03-10T15:05Z"),
        });

        await harness.CatchUpAsync();

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(NotificationStatus.Skipped, await harness.StatusAsync(meeting, Occurrence, "lead-1h"));
    }

    [Fact]
    public async Task MeetingsOfAChannelThisProcessHasNot_AreNeitherClaimedNorTimed()
    {
        var harness = new DispatcherHarness("2026-03-10T15:00Z");
        var elsewhere = await harness.SaveAsync(Monthly(id: "telegram01", conversation: "telegram:42"));
        await harness.Store.TryClaimAsync(NotificationKeys.Meeting(elsewhere.Id, Utc(Occurrence), "lead-1d@10:00"), "server", Utc("2026-03-09T08:00Z"), NotificationStatus.Pending, Utc("2026-03-09T08:00Z"), CancellationToken.None);

        await harness.CatchUpAsync();

        Assert.Empty(harness.Sender.Sent);
        Assert.Null(await harness.StatusAsync(elsewhere, Occurrence, "lead-1h"));
        Assert.Equal(NotificationStatus.Pending, await harness.StatusAsync(elsewhere, Occurrence, "lead-1d@10:00"));
        Assert.Null(harness.Timers.Meetings.GetValueOrDefault(elsewhere.Id));
    }

    [Fact]
    public async Task ClaimLeftPending_ForANextStep_IsAskedAndTheStepDeleted()
    {
        var harness = new DispatcherHarness("2026-05-04T07:30Z");
        var step = new NextStep("test:official", "planning/priorities", Utc("2026-05-04T07:00Z"), "en");
        await harness.Store.SaveNextStepAsync(step, CancellationToken.None);
        await harness.Store.TryClaimAsync(NotificationKeys.NextStep(step), harness.Dispatcher.InstanceId, step.DueAt, NotificationStatus.Pending, step.DueAt, CancellationToken.None);

        await harness.CatchUpAsync();

        Assert.Equal(Dialogs.Messages.NextStepQuestion(step).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Equal(NotificationStatus.SentLate, await harness.Store.GetStatusAsync(NotificationKeys.NextStep(step), CancellationToken.None));
        Assert.Null(await harness.Store.GetNextStepAsync(step.ConversationId, step.SituationId, CancellationToken.None));
    }

    [Fact]
    public async Task AfterDowntime_SendsWhatCameDue_AndSetsEveryTimer()
    {
        var harness = new DispatcherHarness("2026-03-10T15:20Z");
        var monthly = await harness.SaveAsync(Monthly());
        var fortnightly = await harness.SaveAsync(Fortnightly());
        var step = new NextStep("test:activist", "contact/council-reluctant", Utc("2026-03-10T09:00Z"), "ru");
        var later = new NextStep("test:activist", "planning/priorities", Utc("2026-03-17T09:00Z"), "ru");
        await harness.Store.SaveNextStepAsync(step, CancellationToken.None);
        await harness.Store.SaveNextStepAsync(later, CancellationToken.None);

        await harness.CatchUpAsync();

        Assert.Equal(
            [
                Dialogs.Messages.Reminder(monthly, Utc(Occurrence), late: true).Text,
                Dialogs.Messages.NextStepQuestion(step).Text,
            ],
            harness.Sender.Sent.Select(m => m.Text));
        Assert.Equal(Utc("2026-03-10T18:00Z"), harness.Timers.Meetings[monthly.Id]);
        // The fortnightly meeting of 4 March is reminded to be closed seven days after it.
        Assert.Equal(Utc("2026-03-11T15:00Z"), harness.Timers.Meetings[fortnightly.Id]);
        Assert.Null(harness.Timers.NextSteps[(step.ConversationId, step.SituationId)]);
        Assert.Equal(later.DueAt, harness.Timers.NextSteps[(later.ConversationId, later.SituationId)]);
    }

    /// <summary>One hour's lead, and late after a minute (the default is ten), so that a few minutes' delay shows as late.</summary>
    private static void LateAfterAMinute(ReminderOptions options)
    {
        options.LeadTimes = ["1h"];
        options.OnTimeTolerance = TimeSpan.FromMinutes(1);
    }

    private static ValueTask<bool> ClaimAsync(DispatcherHarness harness, Meeting meeting, string kind, string owner, string at) =>
        harness.Store.TryClaimAsync(NotificationKeys.Meeting(meeting.Id, Utc(Occurrence), kind), owner, Utc(at), NotificationStatus.Pending, Utc(at), CancellationToken.None);
}
