using Microsoft.Extensions.Logging;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Reminders.Timers;

/// <summary>
/// The engine's <see cref="IReminderScheduler"/> on Quartz: after a turn that changed a meeting or a
/// next step, its timer is set to the next due time (or removed). A failure is logged, not thrown: the
/// turn is already saved, and the periodic catch-up sets every timer again.
/// </summary>
public sealed class QuartzReminderScheduler(
    NotificationPlanner planner,
    IReminderTimers timers,
    TimeProvider time,
    ILogger<QuartzReminderScheduler> logger) : IReminderScheduler
{
    public async ValueTask MeetingChangedAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var plan = planner.Plan(meeting, now);
            await timers.SetMeetingTimerAsync(meeting.Id, plan.Due.Count > 0 ? now : plan.NextDueAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not set the reminder timer of meeting {MeetingId}", meeting.Id);
        }
    }

    public async ValueTask NextStepChangedAsync(NextStep step, bool removed, CancellationToken cancellationToken)
    {
        try
        {
            await timers.SetNextStepTimerAsync(step.ConversationId, step.SituationId, removed ? null : step.DueAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not set the next-step timer of {Conversation} / {Situation}", step.ConversationId, step.SituationId);
        }
    }
}
