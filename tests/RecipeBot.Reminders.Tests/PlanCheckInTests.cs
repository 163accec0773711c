using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Plans;
using RecipeBot.Reminders.Plans;
using RecipeBot.Reminders.Tests.Support;
using RecipeBot.Reminders.Timers;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>
/// Progress check-ins of action-plan commitments on a fake clock: time runs on as the plan's timer says, with a
/// catch-up every day besides, and what reached the channel is counted.
/// </summary>
public sealed class PlanCheckInTests
{
    private const string Conversation = "test:group";

    [Fact]
    public async Task AMonthPassing_AsksEachLeadOnce_ThirtyDaysAfterTheCommitmentWasAdded()
    {
        var harness = new DispatcherHarness("2026-03-01T09:00Z");
        var plan = Plan("2026-03-01T09:00Z", Commitment("c1", "Avatud eelarve", "Mari"), Commitment("c2", "Kaasamiskava", "Jaan"));
        await StartAsync(harness, plan);

        await RunUntilAsync(harness, "2026-03-31T12:00Z");

        Assert.Equal(2, harness.Sender.Sent.Count);
        Assert.Equal(
            plan.Commitments.Select(c => DispatcherHarness.PlanMessages.CheckIn(plan, c, null).Text).Order(StringComparer.Ordinal),
            harness.Sender.Sent.Select(m => m.Text).Order(StringComparer.Ordinal));
        Assert.All(harness.Sender.Sent, m => Assert.Equal(Conversation, m.ConversationId));
        Assert.All(harness.Sender.Sent, m => Assert.Equal(4, m.Choices.Count));
        Assert.Equal(Utc("2026-04-30T09:00Z"), harness.Timers.Plans[Conversation]);
    }

    [Fact]
    public async Task AMilestoneDatePassing_AsksAWeekLater_At10InThePlansZone()
    {
        var harness = new DispatcherHarness("2026-03-01T09:00Z", o => o.ProgressEvery = TimeSpan.FromDays(90));
        var commitment = Commitment("c1", "Avatud eelarve", "Mari");
        commitment.Milestones.Add(new Milestone("Portaal valmis", new DateOnly(2026, 3, 10)));
        var plan = Plan("2026-03-01T09:00Z", commitment);
        await StartAsync(harness, plan);
        Assert.Equal(Utc("2026-03-17T08:00Z"), harness.Timers.Plans[Conversation]);

        await RunUntilAsync(harness, "2026-04-15T00:00Z");

        var sent = Assert.Single(harness.Sender.Sent);
        Assert.Equal(DispatcherHarness.PlanMessages.CheckIn(plan, commitment, commitment.Milestones[0]).Text, sent.Text);
        Assert.Equal(Core.Meetings.NotificationStatus.Sent, await harness.Store.GetStatusAsync(CheckInPlanner.Key("c1", Utc("2026-03-17T08:00Z"), CheckInPlanner.MilestoneKind), CancellationToken.None));
    }

    [Fact]
    public async Task ACompleteCommitment_IsNeverAsked()
    {
        var harness = new DispatcherHarness("2026-03-01T09:00Z");
        var commitment = Commitment("c1", "Avatud eelarve", "Mari");
        commitment.Milestones.Add(new Milestone("Portaal valmis", new DateOnly(2026, 3, 10)));
        commitment.Level = CompletionLevel.Complete;
        await StartAsync(harness, Plan("2026-03-01T09:00Z", commitment));

        await RunUntilAsync(harness, "2026-05-15T00:00Z");

        Assert.Empty(harness.Sender.Sent);
        Assert.Null(harness.Timers.Plans[Conversation]);
    }

    [Fact]
    public async Task AReport_StartsTheRhythmAgain_AndAnswersAPassedMilestone()
    {
        var harness = new DispatcherHarness("2026-03-01T09:00Z");
        var commitment = Commitment("c1", "Avatud eelarve", "Mari");
        commitment.Milestones.Add(new Milestone("Portaal valmis", new DateOnly(2026, 3, 10)));
        var plan = Plan("2026-03-01T09:00Z", commitment);
        await StartAsync(harness, plan);
        await RunUntilAsync(harness, "2026-03-12T09:00Z");

        commitment.Progress.Add(new ProgressReport(Utc("2026-03-12T09:00Z"), CompletionLevel.Limited, "42"));
        commitment.Level = CompletionLevel.Limited;
        plan.UpdatedAt = Utc("2026-03-12T09:00Z");
        await harness.Plans.SaveAsync(plan, CancellationToken.None);
        await Scheduler(harness).PlanChangedAsync(plan, removed: false, CancellationToken.None);
        Assert.Equal(Utc("2026-04-11T09:00Z"), harness.Timers.Plans[Conversation]);
        await RunUntilAsync(harness, "2026-04-12T00:00Z");

        var sent = Assert.Single(harness.Sender.Sent);
        Assert.Equal(DispatcherHarness.PlanMessages.CheckIn(plan, commitment, null).Text, sent.Text);
    }

    [Fact]
    public async Task RemovingThePlanOrACommitment_CancelsItsCheckIns()
    {
        var harness = new DispatcherHarness("2026-03-01T09:00Z");
        var kept = Commitment("c1", "Avatud eelarve", "Mari");
        var plan = Plan("2026-03-01T09:00Z", kept, Commitment("c2", "Kaasamiskava", "Jaan"));
        await StartAsync(harness, plan);

        plan.Commitments.RemoveAll(c => c.Id == "c2");
        await harness.Plans.SaveAsync(plan, CancellationToken.None);
        await Scheduler(harness).PlanChangedAsync(plan, removed: false, CancellationToken.None);
        await RunUntilAsync(harness, "2026-03-31T12:00Z");
        Assert.Equal([DispatcherHarness.PlanMessages.CheckIn(plan, kept, null).Text], harness.Sender.Sent.Select(m => m.Text));

        await harness.Plans.DeleteAsync(Conversation, CancellationToken.None);
        await Scheduler(harness).PlanChangedAsync(plan, removed: true, CancellationToken.None);
        Assert.Null(harness.Timers.Plans[Conversation]);
        await RunUntilAsync(harness, "2026-05-31T12:00Z");
        Assert.Single(harness.Sender.Sent);
    }

    [Fact]
    public async Task ACheckInClaimedButNeverQueued_IsQueuedOnceByTheCatchUp()
    {
        var harness = new DispatcherHarness("2026-03-31T09:00Z");
        var plan = Plan("2026-03-01T09:00Z", Commitment("c1", "Avatud eelarve", "Mari"));
        await harness.Plans.SaveAsync(plan, CancellationToken.None);
        var key = CheckInPlanner.Key("c1", Utc("2026-03-31T09:00Z"), CheckInPlanner.Progress);
        // A crash between the claim and the queueing: the row is Pending and this instance's.
        Assert.True(await harness.Store.TryClaimAsync(key, "instance-a", Utc("2026-03-31T09:00Z"), Core.Meetings.NotificationStatus.Pending, Utc("2026-03-31T09:00Z"), CancellationToken.None));

        await harness.CatchUpAsync();
        await harness.CatchUpAsync();

        Assert.Single(harness.Sender.Sent);
        Assert.Equal(Core.Meetings.NotificationStatus.Sent, await harness.Store.GetStatusAsync(key, CancellationToken.None));
    }

    internal static Plan Plan(string created, params Commitment[] commitments)
    {
        var plan = new Plan
        {
            ConversationId = Conversation,
            Language = "et",
            TimeZone = "Europe/Tallinn",
            CreatedAt = Utc(created),
            UpdatedAt = Utc(created),
        };
        foreach (var commitment in commitments)
        {
            plan.Commitments.Add(commitment);
        }

        return plan;
    }

    internal static Commitment Commitment(string id, string title, string lead, string created = "2026-03-01T09:00Z") =>
        new() { Id = id, Title = title, Lead = lead, CreatedAt = Utc(created) };

    private static QuartzPlanScheduler Scheduler(DispatcherHarness harness) =>
        new(new CheckInPlanner(harness.Options), harness.Timers, harness.Time, NullLogger<QuartzPlanScheduler>.Instance);

    private static async Task StartAsync(DispatcherHarness harness, Plan plan)
    {
        await harness.Plans.SaveAsync(plan, CancellationToken.None);
        await Scheduler(harness).PlanChangedAsync(plan, removed: false, CancellationToken.None);
    }

    /// <summary>
    /// Runs the clock to <paramref name="end"/>: to each time the plan's timer is set to (then dispatches, as the trigger
    /// does), and to each midnight (then runs the catch-up, which must not ask twice).
    /// </summary>
    private static async Task RunUntilAsync(DispatcherHarness harness, string end)
    {
        var until = Utc(end);
        for (var steps = 0; ; steps++)
        {
            Assert.True(steps < 1000, "the plan's timer does not move on");
            var now = harness.Time.GetUtcNow();
            var midnight = now.UtcDateTime.Date.AddDays(1);
            var timer = harness.Timers.Plans.GetValueOrDefault(Conversation);
            var next = timer is { } at && at < midnight ? at : new DateTimeOffset(midnight, TimeSpan.Zero);
            if (next > until)
            {
                harness.Time.SetUtcNow(until);
                return;
            }

            harness.Time.SetUtcNow(next > now ? next : now);
            if (next == timer)
            {
                await harness.Dispatcher.DispatchPlanAsync(Conversation, CancellationToken.None);
                await harness.FlushAsync();
            }
            else
            {
                await harness.CatchUpAsync();
            }
        }
    }
}
