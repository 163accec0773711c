using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Plans;
using RecipeBot.Reminders.Plans;
using RecipeBot.Reminders.Tests.Support;
using RecipeBot.Reminders.Timers;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>The bot is down when a check-in falls due: the start-up catch-up asks once, and the next start asks nothing. One SQLite file.</summary>
public sealed class PlanCheckInRestartTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDatabase _file = new();

    [Fact]
    public async Task ACheckInDueWhileStopped_IsAskedOnceAfterTheRestart_AndNeverAgain()
    {
        var time = new FakeTimeProvider(Utc("2026-03-01T09:00Z"));
        var sender = new RecordingSender();
        var plan = PlanCheckInTests.Plan("2026-03-01T09:00Z", PlanCheckInTests.Commitment("c1", "Avatud eelarve", "Mari"));
        var key = CheckInPlanner.Key("c1", Utc("2026-03-31T09:00Z"), CheckInPlanner.Progress);

        await using (var first = await ReminderHost.StartAsync(_file.Path, time, sender))
        {
            await first.CatchUpDone;
            await first.Services.GetRequiredService<IPlanStore>().SaveAsync(plan, CancellationToken.None);
            await first.Services.GetRequiredService<IPlanScheduler>().PlanChangedAsync(plan, removed: false, CancellationToken.None);
            Assert.Equal(Utc("2026-03-31T09:00Z"), (await first.Scheduler.GetTrigger(ReminderTriggers.Plan(plan.ConversationId)))?.NextFireTimeUtc);
        }

        time.SetUtcNow(Utc("2026-04-02T09:00Z"));
        await using (var second = await ReminderHost.StartAsync(_file.Path, time, sender))
        {
            await second.CatchUpDone;
            Assert.True(await ReminderHost.WaitUntilAsync(() => Task.FromResult(sender.Sent.Count > 0), Patience), "the missed check-in was not sent");
            Assert.Equal(NotificationStatus.SentLate, await second.Store.GetStatusAsync(key, CancellationToken.None));
            Assert.Equal(Utc("2026-04-30T09:00Z"), (await second.Scheduler.GetTrigger(ReminderTriggers.Plan(plan.ConversationId)))?.NextFireTimeUtc);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        await using (var third = await ReminderHost.StartAsync(_file.Path, time, sender))
        {
            await third.CatchUpDone;
            // The catch-up queues in the outbox before it completes: an empty outbox means nothing more was asked.
            var outbox = third.Services.GetRequiredService<IOutboxStore>();
            Assert.Empty(await outbox.PendingAsync(string.Empty, 0, 100, DateTimeOffset.MaxValue, CancellationToken.None));
        }

        var sent = Assert.Single(sender.Sent);
        Assert.Equal(DispatcherHarness.PlanMessages.CheckIn(plan, plan.Commitments[0], null).Text, sent.Text);
    }

    [Fact]
    public void ProgressEvery_DefaultsToThirtyDays_AndLessThanAnHourIsRefused()
    {
        Assert.Equal(TimeSpan.FromDays(30), new ReminderOptions().ProgressEvery);
        var result = new ReminderOptionsValidator().Validate(null, new ReminderOptions { ProgressEvery = TimeSpan.FromMinutes(5) });
        Assert.Contains(result.Failures!, f => f.StartsWith("Reminders:ProgressEvery must be at least an hour", StringComparison.Ordinal));
    }

    public void Dispose() => _file.Dispose();
}
