using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace RecipeBot.Reminders.Timers;

/// <summary>
/// The reminder timers as Quartz triggers: one-shot simple triggers of the durable
/// <see cref="ReminderTriggers.Job"/>, replaced whenever the due time moves. A trigger that comes due
/// while the bot is down fires as soon as it is back ("fire now" on misfire).
/// </summary>
public sealed class QuartzReminderTimers(
    [FromKeyedServices(ReminderTriggers.SchedulerName)] IScheduler scheduler,
    QuartzSqliteSchema schema,
    TimeProvider time) : IReminderTimers
{
    public ValueTask SetMeetingTimerAsync(string meetingId, DateTimeOffset? at, CancellationToken cancellationToken) =>
        SetAsync(ReminderTriggers.Meeting(meetingId), ReminderTriggers.MeetingData, meetingId, at, cancellationToken);

    public ValueTask SetNextStepTimerAsync(string conversationId, string situationId, DateTimeOffset? at, CancellationToken cancellationToken) =>
        SetAsync(
            ReminderTriggers.NextStep(conversationId, situationId),
            ReminderTriggers.NextStepData,
            ReminderTriggers.NextStepValue(conversationId, situationId),
            at,
            cancellationToken);

    public ValueTask SetPlanTimerAsync(string conversationId, DateTimeOffset? at, CancellationToken cancellationToken) =>
        SetAsync(ReminderTriggers.Plan(conversationId), ReminderTriggers.PlanData, conversationId, at, cancellationToken);

    private async ValueTask SetAsync(TriggerKey key, string dataKey, string dataValue, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await schema.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (at is null)
        {
            await scheduler.UnscheduleJob(key, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The trigger holds the clock it is built with; the container's is the one the scheduler runs on.
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(ReminderTriggers.Job)
            .UsingJobData(dataKey, dataValue)
            .StartAt(at.Value)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken).ConfigureAwait(false);
    }
}
