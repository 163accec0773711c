using RecipeBot.Core.Channels;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

public sealed class NextStepDispatchTests
{
    private const string Situation = "contact/no-partners";

    private static readonly NextStep Step = new("test:official", Situation, Utc("2026-05-04T07:00Z"), "et");

    [Fact]
    public async Task BeforeItIsDue_NothingIsAsked_AndTheTimerWaitsForIt()
    {
        var harness = new DispatcherHarness("2026-05-01T07:00Z");
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);

        var next = await harness.DispatchNextStepAsync(Step);

        Assert.Equal(Step.DueAt, next);
        Assert.Equal(Step.DueAt, harness.Timers.NextSteps[(Step.ConversationId, Situation)]);
        Assert.Empty(harness.Sender.Sent);
    }

    [Fact]
    public async Task WhenDue_TheQuestionIsAskedOnce_AndTheStepIsDeleted()
    {
        var harness = new DispatcherHarness("2026-05-04T07:00Z");
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);

        await harness.DispatchNextStepAsync(Step);
        await harness.DispatchNextStepAsync(Step);

        var sent = Assert.Single(harness.Sender.Sent);
        var expected = Dialogs.Messages.NextStepQuestion(Step);
        Assert.Equal((expected.ConversationId, expected.Text), (sent.ConversationId, sent.Text));
        Assert.Equal(expected.Choices.Select(c => c.Id), sent.Choices.Select(c => c.Id));
        Assert.Null(await harness.Store.GetNextStepAsync(Step.ConversationId, Situation, CancellationToken.None));
        Assert.Equal(NotificationStatus.Sent, await harness.Store.GetStatusAsync(NotificationKeys.NextStep(Step), CancellationToken.None));
        Assert.Null(harness.Timers.NextSteps[(Step.ConversationId, Situation)]);
    }

    [Fact]
    public async Task LaterThanTheGrace_IsSkipped_AndTheStepIsDeleted()
    {
        var harness = new DispatcherHarness("2026-05-05T07:00Z");
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);

        await harness.DispatchNextStepAsync(Step);

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(NotificationStatus.Skipped, await harness.Store.GetStatusAsync(NotificationKeys.NextStep(Step), CancellationToken.None));
        Assert.Null(await harness.Store.GetNextStepAsync(Step.ConversationId, Situation, CancellationToken.None));
    }

    [Fact]
    public async Task ChannelFailure_IsTheOutboxsToRetry_TheStepIsDeletedOnceQueued()
    {
        var harness = new DispatcherHarness("2026-05-04T07:00Z");
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);
        harness.Sender.Answer(Step.ConversationId, SendOutcome.Failed);

        var next = await harness.DispatchNextStepAsync(Step);

        Assert.Null(next);
        Assert.Null(await harness.Store.GetNextStepAsync(Step.ConversationId, Situation, CancellationToken.None));
        Assert.Equal(NotificationStatus.Sent, await harness.Store.GetStatusAsync(NotificationKeys.NextStep(Step), CancellationToken.None));
        Assert.Empty(harness.Sender.Sent);
        Assert.Single(await harness.OutboxRowsAsync());

        harness.Sender.Answer(Step.ConversationId, SendOutcome.Sent);
        harness.Time.Advance(TimeSpan.FromSeconds(2)); // the outbox's first retry
        await harness.FlushAsync();

        Assert.Equal(Dialogs.Messages.NextStepQuestion(Step).Text, Assert.Single(harness.Sender.Sent).Text);
        Assert.Empty(await harness.OutboxRowsAsync());
    }

    [Fact]
    public async Task ChatMarkedInactive_IsNotAsked_TheKeyIsUndeliverable_AndTheStepIsDeleted()
    {
        var harness = new DispatcherHarness("2026-05-04T07:00Z");
        await harness.Chats.SetActiveAsync(Step.ConversationId, false, CancellationToken.None);
        // Saved active after the chat was marked: the pause that goes with it was lost in a crash.
        var meeting = await harness.SaveAsync(Monthly(conversation: Step.ConversationId));
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);

        var next = await harness.DispatchNextStepAsync(Step);

        Assert.Null(next);
        Assert.Equal(0, harness.Sender.Attempts);
        Assert.Empty(await harness.OutboxRowsAsync());
        Assert.Equal(NotificationStatus.Undeliverable, await harness.Store.GetStatusAsync(NotificationKeys.NextStep(Step), CancellationToken.None));
        Assert.Null(await harness.Store.GetNextStepAsync(Step.ConversationId, Situation, CancellationToken.None));
        Assert.Equal(MeetingStatus.Paused, (await harness.Store.GetAsync(meeting.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A403MetByTheOutbox_PausesTheConversationsMeetings()
    {
        var harness = new DispatcherHarness("2026-05-04T07:00Z");
        var meeting = await harness.SaveAsync(Monthly(conversation: Step.ConversationId));
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);
        harness.Sender.Answer(Step.ConversationId, SendOutcome.Blocked);

        await harness.DispatchNextStepAsync(Step);

        Assert.Equal(1, harness.Sender.Attempts);
        Assert.Empty(await harness.OutboxRowsAsync());
        Assert.False(await harness.Chats.IsActiveAsync(Step.ConversationId, CancellationToken.None));
        Assert.Equal(MeetingStatus.Paused, (await harness.Store.GetAsync(meeting.Id, CancellationToken.None))!.Status);
    }
}
