using RecipeBot.Core.Meetings;
using RecipeBot.Core.Plans;
using RecipeBot.Reminders.Plans;

namespace RecipeBot.Reminders;

public sealed partial class ReminderDispatcher
{
    /// <summary>
    /// Asks the leads of the conversation's plan what is due (<see cref="CheckInPlanner"/>), each check-in claimed in the ledger
    /// and queued in the outbox like a meeting reminder, and sets the plan's timer to the next one; removes it when the plan is
    /// gone or has nothing left to ask. When one commitment has several check-ins due at once (the bot was down) only the
    /// latest is sent. Returns what the timer was set to.
    /// </summary>
    public async ValueTask<DateTimeOffset?> DispatchPlanAsync(string conversationId, CancellationToken cancellationToken)
    {
        var plan = _plans is null || _planMessages is null ? null : await _plans.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? next = null;
        if (plan is not null && _senders.Serves(conversationId))
        {
            var due = _checkIns.Due(plan, Now);
            var latest = due.GroupBy(c => c.CommitmentId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.DueAt)!.Key, StringComparer.Ordinal);
            var retry = false;
            foreach (var checkIn in due)
            {
                retry |= await DeliverAsync(plan, checkIn, superseded: latest[checkIn.CommitmentId] != checkIn.Key, cancellationToken).ConfigureAwait(false) == Delivery.Retry;
            }

            next = Earliest(_checkIns.NextAfter(plan, Now), retry ? Now + _options.RetryDelay : null);

            // Changed meanwhile (a report, a new milestone, a removal): the engine has set the timer from the new plan; look again.
            var current = await _plans!.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.UpdatedAt != plan.UpdatedAt)
            {
                return await DispatchPlanAsync(conversationId, cancellationToken).ConfigureAwait(false);
            }
        }

        await _timers.SetPlanTimerAsync(conversationId, next, cancellationToken).ConfigureAwait(false);
        return next;
    }

    private async ValueTask<Delivery> DeliverAsync(Plan plan, PlannedCheckIn checkIn, bool superseded, CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(checkIn.Key, checkIn.DueAt, cancellationToken).ConfigureAwait(false);
        if (claim != Claim.Ours)
        {
            return claim == Claim.Busy ? Delivery.Retry : Delivery.Done;
        }

        try
        {
            if (superseded)
            {
                await _store.CompleteAsync(checkIn.Key, NotificationStatus.Skipped, Now, cancellationToken).ConfigureAwait(false);
                return Delivery.Done;
            }

            return await QueueCheckInAsync(plan, checkIn, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(checkIn.Key, out _);
        }
    }

    /// <summary>Queues a claimed check-in; anything the bot missed within the catch-up window is still worth asking.</summary>
    private async ValueTask<Delivery> QueueCheckInAsync(Plan plan, PlannedCheckIn checkIn, CancellationToken cancellationToken)
    {
        var commitment = plan.Find(checkIn.CommitmentId)!;
        var delivery = await QueueAsync(checkIn.Key, checkIn.DueAt, _options.CatchUpWindow, _ => _planMessages!.CheckIn(plan, commitment, checkIn.Milestone), cancellationToken)
            .ConfigureAwait(false);
        if (delivery == Delivery.Blocked)
        {
            await PauseConversationAsync(plan.ConversationId, cancellationToken).ConfigureAwait(false);
            return Delivery.Done;
        }

        return delivery;
    }

    /// <summary>Every plan's due check-ins and timer, at a catch-up.</summary>
    private async ValueTask<int> CatchUpPlansAsync(CancellationToken cancellationToken)
    {
        if (_plans is null || _planMessages is null)
        {
            return 0;
        }

        var plans = await _plans.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var plan in plans)
        {
            await Guarded("plan of " + plan.ConversationId, async () => await DispatchPlanAsync(plan.ConversationId, cancellationToken).ConfigureAwait(false))
                .ConfigureAwait(false);
        }

        return plans.Count;
    }

    /// <summary>The plan holding the commitment a check-in key names; null when there is none (any more).</summary>
    private async ValueTask<Plan?> PlanOfAsync(string key, CancellationToken cancellationToken)
    {
        var commitmentId = CheckInPlanner.CommitmentOf(key);
        return commitmentId is null || _plans is null
            ? null
            : (await _plans.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(p => p.Find(commitmentId) is not null);
    }

    /// <summary>Queues a Pending check-in claim (a crash between claim and queue) if its plan still owes it; skips it otherwise.</summary>
    private async ValueTask ResendCheckInAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var plan = await PlanOfAsync(entry.Key, cancellationToken).ConfigureAwait(false);
        var checkIn = plan is null || _planMessages is null ? null : _checkIns.Describe(plan, entry.Key);
        if (checkIn is null)
        {
            await _store.CompleteAsync(entry.Key, NotificationStatus.Skipped, Now, cancellationToken).ConfigureAwait(false);
            LogCheckInSkipped(entry.Key);
            return;
        }

        await QueueCheckInAsync(plan!, checkIn, cancellationToken).ConfigureAwait(false);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Skipped unqueued {Key}: its commitment is gone, complete or reported on")]
    private partial void LogCheckInSkipped(string key);
}
