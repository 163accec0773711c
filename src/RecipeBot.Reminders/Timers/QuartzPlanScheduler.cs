using Microsoft.Extensions.Logging;
using RecipeBot.Core.Plans;
using RecipeBot.Reminders.Plans;

namespace RecipeBot.Reminders.Timers;

/// <summary>
/// The engine's <see cref="IPlanScheduler"/> on Quartz: after a turn that changed a plan, its timer is set to the next
/// check-in (now, when one is already due), or removed with the plan. A failure is logged, not thrown: the turn is
/// already saved, and the periodic catch-up sets every timer again.
/// </summary>
public sealed class QuartzPlanScheduler(
    CheckInPlanner planner,
    IReminderTimers timers,
    TimeProvider time,
    ILogger<QuartzPlanScheduler> logger) : IPlanScheduler
{
    public async ValueTask PlanChangedAsync(Plan plan, bool removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            var now = time.GetUtcNow();
            var at = removed ? null : planner.Due(plan, now).Count > 0 ? now : planner.NextAfter(plan, now);
            await timers.SetPlanTimerAsync(plan.ConversationId, at, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not set the check-in timer of the plan of {Conversation}", plan.ConversationId);
        }
    }
}
