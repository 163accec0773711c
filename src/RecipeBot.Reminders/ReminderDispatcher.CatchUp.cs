using Microsoft.Extensions.Logging;
using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Plans;

namespace RecipeBot.Reminders;

public sealed partial class ReminderDispatcher
{
    /// <summary>
    /// After a start (or whenever in doubt): queues what was claimed and never queued, then dispatches
    /// every active meeting, every next step and every action plan, which queues what fell due while the bot was down
    /// (late or skipped by the late policy) and sets every timer.
    /// </summary>
    public async ValueTask CatchUpAsync(CancellationToken cancellationToken)
    {
        var pending = await _store.ListPendingAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in pending)
        {
            await Guarded(entry.Key, () => ResendAsync(entry, cancellationToken)).ConfigureAwait(false);
        }

        var meetings = await _store.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        foreach (var meeting in meetings)
        {
            await Guarded(meeting.Id, async () => await DispatchMeetingAsync(meeting.Id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        var steps = await _store.ListNextStepsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var step in steps)
        {
            await Guarded(
                NotificationKeys.NextStep(step),
                async () => await DispatchNextStepAsync(step.ConversationId, step.SituationId, cancellationToken).ConfigureAwait(false))
                .ConfigureAwait(false);
        }

        var plans = await CatchUpPlansAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation(
            "Reminder catch-up done: {Pending} unqueued claim(s) looked at, {Meetings} active meeting(s), {Steps} next step(s) and {Plans} plan(s) dispatched",
            pending.Count, meetings.Count, steps.Count, plans);
    }

    /// <summary>One meeting with bad data must not stop the catch-up of the others.</summary>
    private async ValueTask Guarded(string what, Func<ValueTask> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogError(exception, "Reminder catch-up of {What} failed; the others go on", what);
        }
    }

    /// <summary>Queues a Pending ledger row, working out from its key what it was.</summary>
    private async ValueTask ResendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (!await ServesAsync(entry, cancellationToken).ConfigureAwait(false))
        {
            // Another process's channel: its own catch-up queues it.
            return;
        }

        if (await ClaimAsync(entry.Key, entry.DueAt, cancellationToken).ConfigureAwait(false) != Claim.Ours)
        {
            return;
        }

        try
        {
            if (entry.Key.StartsWith("next-step/", StringComparison.Ordinal))
            {
                await ResendNextStepAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            else if (entry.Key.StartsWith(CheckInPlanner.KeyPrefix, StringComparison.Ordinal))
            {
                await ResendCheckInAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ResendMeetingAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _inFlight.TryRemove(entry.Key, out _);
        }
    }

    private async ValueTask ResendMeetingAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var parts = entry.Key.Split('/');
        var occurrence = parts.Length == 3 ? NotificationKeys.ParseOccurrence(parts[1]) : null;
        if (occurrence is null)
        {
            _logger.LogWarning("Pending ledger key {Key} names no meeting notification; left as it is", entry.Key);
            return;
        }

        var meeting = await _store.GetAsync(parts[0], cancellationToken).ConfigureAwait(false);
        var notification = meeting is null ? null : _planner.Describe(meeting, occurrence.Value, parts[2]);
        if (meeting is not { Status: MeetingStatus.Active } || notification is null
            || !IsStillOwed(meeting, notification)
            || (NotificationKeys.IsClose(notification.Kind) && await ClosedAsync(meeting.Id, notification.Occurrence, cancellationToken).ConfigureAwait(false)))
        {
            await _store.CompleteAsync(entry.Key, NotificationStatus.Skipped, Now, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Skipped unqueued {Key}: its meeting is gone, paused or no longer needs it", entry.Key);
            return;
        }

        var delivery = await QueueAsync(entry.Key, notification.DueAt, notification.Allowance, late => Message(meeting, notification, late), cancellationToken)
            .ConfigureAwait(false);
        if (delivery == Delivery.Blocked)
        {
            await PauseConversationAsync(meeting.ConversationId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A claim made before the meeting was changed (another day, another time) is not owed any more: its
    /// occurrence must still be one of the schedule's, and the meeting must not have changed since it fell due.
    /// </summary>
    private static bool IsStillOwed(Meeting meeting, PlannedNotification notification) =>
        notification.DueAt >= meeting.UpdatedAt
        && meeting.Schedule.Next(notification.Occurrence - TimeSpan.FromMinutes(1), 1) is [var start] && start == notification.Occurrence;

    private async ValueTask<bool> ServesAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Key.StartsWith("next-step/", StringComparison.Ordinal))
        {
            return _senders.Serves(entry.Key.Split('/')[1]);
        }

        if (entry.Key.StartsWith(CheckInPlanner.KeyPrefix, StringComparison.Ordinal))
        {
            return await PlanOfAsync(entry.Key, cancellationToken).ConfigureAwait(false) is not { } plan || _senders.Serves(plan.ConversationId);
        }

        var meeting = await _store.GetAsync(entry.Key.Split('/')[0], cancellationToken).ConfigureAwait(false);
        return meeting is null || _senders.Serves(meeting.ConversationId);
    }

    private async ValueTask ResendNextStepAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var steps = await _store.ListNextStepsAsync(cancellationToken).ConfigureAwait(false);
        var step = steps.FirstOrDefault(s => NotificationKeys.NextStep(s) == entry.Key);
        if (step is null)
        {
            await _store.CompleteAsync(entry.Key, NotificationStatus.Skipped, Now, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Skipped unqueued {Key}: the next step is gone or was agreed again", entry.Key);
            return;
        }

        var delivery = await QueueAsync(entry.Key, step.DueAt, _options.FollowUpGrace, _ => _messages.NextStepQuestion(step), cancellationToken).ConfigureAwait(false);
        if (delivery != Delivery.Retry)
        {
            await RemoveStepAsync(step, cancellationToken).ConfigureAwait(false);
        }

        if (delivery == Delivery.Blocked)
        {
            await PauseConversationAsync(step.ConversationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
