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

        var next = await harness.Dispatcher.DispatchNextStepAsync(Step.ConversationId, Situation, CancellationToken.None);

        Assert.Equal(Step.DueAt, next);
        Assert.Equal(Step.DueAt, harness.Timers.NextSteps[(Step.ConversationId, Situation)]);
        Assert.Empty(harness.Sender.Sent);
    }

    [Fact]
    public async Task WhenDue_TheQuestionIsAskedOnce_AndTheStepIsDeleted()
    {
        var harness = new DispatcherHarness("2026-05-04T07:00Z");
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);

        await harness.Dispatcher.DispatchNextStepAsync(Step.ConversationId, Situation, CancellationToken.None);
        await harness.Dispatcher.DispatchNextStepAsync(Step.ConversationId, Situation, CancellationToken.None);

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

        await harness.Dispatcher.DispatchNextStepAsync(Step.ConversationId, Situation, CancellationToken.None);

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(NotificationStatus.Skipped, await harness.Store.GetStatusAsync(NotificationKeys.NextStep(Step), CancellationToken.None));
        Assert.Null(await harness.Store.GetNextStepAsync(Step.ConversationId, Situation, CancellationToken.None));
    }

    [Fact]
    public async Task ChannelFailure_KeepsTheStep_ForARetry()
    {
        var harness = new DispatcherHarness("2026-05-04T07:00Z");
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);
        harness.Sender.Answer(Step.ConversationId, SendOutcome.Failed);

        var next = await harness.Dispatcher.DispatchNextStepAsync(Step.ConversationId, Situation, CancellationToken.None);

        Assert.Equal(Utc("2026-05-04T07:01Z"), next);
        Assert.NotNull(await harness.Store.GetNextStepAsync(Step.ConversationId, Situation, CancellationToken.None));

        harness.Sender.Answer(Step.ConversationId, SendOutcome.Sent);
        harness.SetNow("2026-05-04T07:01Z");
        await harness.Dispatcher.DispatchNextStepAsync(Step.ConversationId, Situation, CancellationToken.None);

        Assert.Single(harness.Sender.Sent);
        Assert.Null(await harness.Store.GetNextStepAsync(Step.ConversationId, Situation, CancellationToken.None));
    }

    [Fact]
    public async Task BlockedChat_PausesTheConversationsMeetings()
    {
        var harness = new DispatcherHarness("2026-05-04T07:00Z");
        var meeting = await harness.SaveAsync(Monthly(conversation: Step.ConversationId));
        await harness.Store.SaveNextStepAsync(Step, CancellationToken.None);
        harness.Sender.Answer(Step.ConversationId, SendOutcome.Blocked);

        await harness.Dispatcher.DispatchNextStepAsync(Step.ConversationId, Situation, CancellationToken.None);

        Assert.Equal(NotificationStatus.Undeliverable, await harness.Store.GetStatusAsync(NotificationKeys.NextStep(Step), CancellationToken.None));
        Assert.Equal(MeetingStatus.Paused, (await harness.Store.GetAsync(meeting.Id, CancellationToken.None))!.Status);
    }
}
