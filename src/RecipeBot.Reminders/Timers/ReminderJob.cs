using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace RecipeBot.Reminders.Timers;

/// <summary>
/// What a reminder trigger runs: reads which meeting or next step it is for and hands it to the
/// <see cref="ReminderDispatcher"/>, which sends what is due and moves the trigger on.
/// </summary>
public sealed class ReminderJob(
    ReminderDispatcher dispatcher,
    IReminderTimers timers,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        logger.LogDebug("Reminder trigger {Trigger} fired for {Scheduled:o} at {Now:o}", context.Trigger.Key, context.ScheduledFireTimeUtc, time.GetUtcNow());
        if (data.TryGetString(ReminderTriggers.MeetingData, out var meetingId) && !string.IsNullOrEmpty(meetingId))
        {
            await RunAsync(
                context.Trigger.Key,
                () => dispatcher.DispatchMeetingAsync(meetingId, cancellationToken),
                retryAt => timers.SetMeetingTimerAsync(meetingId, retryAt, cancellationToken)).ConfigureAwait(false);
        }
        else if (data.TryGetString(ReminderTriggers.NextStepData, out var value) && ReminderTriggers.TryParseNextStep(value, out var conversationId, out var situationId))
        {
            await RunAsync(
                context.Trigger.Key,
                () => dispatcher.DispatchNextStepAsync(conversationId, situationId, cancellationToken),
                retryAt => timers.SetNextStepTimerAsync(conversationId, situationId, retryAt, cancellationToken)).ConfigureAwait(false);
        }
        else if (data.TryGetString(ReminderTriggers.PlanData, out var planOf) && !string.IsNullOrEmpty(planOf))
        {
            await RunAsync(
                context.Trigger.Key,
                () => dispatcher.DispatchPlanAsync(planOf, cancellationToken),
                retryAt => timers.SetPlanTimerAsync(planOf, retryAt, cancellationToken)).ConfigureAwait(false);
        }
        else
        {
            logger.LogWarning("Reminder trigger {Trigger} names neither a meeting, a next step nor a plan; ignored", context.Trigger.Key);
        }
    }

    /// <summary>A failing dispatch (the database, say) keeps its timer: the trigger is set to try again.</summary>
    private async ValueTask RunAsync(TriggerKey trigger, Func<ValueTask<DateTimeOffset?>> dispatch, Func<DateTimeOffset?, ValueTask> retry)
    {
        try
        {
            await dispatch().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var retryAt = time.GetUtcNow() + options.Value.RetryDelay;
            logger.LogError(exception, "Reminder dispatch for {Trigger} failed; trying again at {RetryAt:o}", trigger, retryAt);
            try
            {
                await retry(retryAt).ConfigureAwait(false);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                logger.LogError(again, "Could not set {Trigger} to try again; the next catch-up will", trigger);
            }
        }
    }
}
