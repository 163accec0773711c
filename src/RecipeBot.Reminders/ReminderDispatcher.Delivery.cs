using Microsoft.Extensions.Logging;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Reminders;

public sealed partial class ReminderDispatcher
{
    /// <summary>Who may queue a key.</summary>
    private enum Claim
    {
        /// <summary>This call: a fresh claim, or one never queued by this instance or by a dead one.</summary>
        Ours,

        /// <summary>Settled by someone already: nothing to do.</summary>
        Taken,

        /// <summary>Another dispatcher has it in hand right now: look again later.</summary>
        Busy,
    }

    /// <summary>What became of one notification, for the caller's timer.</summary>
    private enum Delivery
    {
        /// <summary>Queued in the outbox, skipped, or settled by someone else: nothing more to do here.</summary>
        Done,

        /// <summary>The claim was busy or the store failed: look again after the retry delay.</summary>
        Retry,

        /// <summary>The chat blocked or removed the bot: its meetings pause.</summary>
        Blocked,
    }

    /// <summary>
    /// Claims <paramref name="key"/>. On <see cref="Claim.Ours"/> the key is in <see cref="_inFlight"/> and the
    /// caller must remove it when done.
    /// </summary>
    private async ValueTask<Claim> ClaimAsync(string key, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd(key, 0))
        {
            return Claim.Busy;
        }

        var claim = Claim.Taken;
        try
        {
            var now = Now;
            if (await _store.TryClaimAsync(key, InstanceId, dueAt, NotificationStatus.Pending, now, cancellationToken).ConfigureAwait(false))
            {
                return claim = Claim.Ours;
            }

            // Pending: it never reached the outbox. Ours (a store failure, or a crash of this instance) or a
            // peer's that has been quiet too long is taken over — atomically, so of two instances one wins;
            // a peer's fresh one is in hand.
            if (await _store.TryTakeOverAsync(key, InstanceId, now - _options.PendingTimeout, now, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogInformation("Queueing {Key} again: it was claimed before and never queued", key);
                return claim = Claim.Ours;
            }

            claim = await _store.GetStatusAsync(key, cancellationToken).ConfigureAwait(false) == NotificationStatus.Pending ? Claim.Busy : Claim.Taken;
            return claim;
        }
        finally
        {
            if (claim != Claim.Ours)
            {
                _inFlight.TryRemove(key, out _);
            }
        }
    }

    /// <summary>
    /// The late policy and the hand-over of a claimed key. Late by less than <paramref name="allowance"/>: written to
    /// the outbox in the transaction that marks the key Sent (SentLate past the on-time tolerance), then the outbox
    /// senders are woken; later: skipped and logged. A chat that blocked or removed the bot gets nothing: the key is
    /// Undeliverable. A store failure writes nothing and leaves the claim Pending for a retry.
    /// </summary>
    private async ValueTask<Delivery> QueueAsync(
        string key,
        DateTimeOffset dueAt,
        TimeSpan allowance,
        Func<bool, OutgoingMessage> message,
        CancellationToken cancellationToken)
    {
        var lateness = Now - dueAt;
        if (lateness >= allowance)
        {
            await _store.CompleteAsync(key, NotificationStatus.Skipped, Now, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Skipped {Key}: due {DueAt:o}, {Lateness} late, later than the {Allowance} it may be", key, dueAt, lateness, allowance);
            return Delivery.Done;
        }

        var late = lateness > _options.OnTimeTolerance;
        var outgoing = message(late);
        bool queued;
        try
        {
            if (!await _chats.IsActiveAsync(outgoing.ConversationId, cancellationToken).ConfigureAwait(false))
            {
                await _store.CompleteAsync(key, NotificationStatus.Undeliverable, Now, cancellationToken).ConfigureAwait(false);
                _logger.LogWarning("{Conversation} blocked or removed the bot: {Key} is undeliverable", outgoing.ConversationId, key);
                return Delivery.Blocked;
            }

            queued = await _store.QueueAsync(key, late ? NotificationStatus.SentLate : NotificationStatus.Sent, Now, outgoing, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nothing was written: the claim is still Pending and ours, so the retry takes it over and queues it.
            _logger.LogError(exception, "Queueing {Key} for {Conversation} failed; trying again in {RetryDelay}", key, outgoing.ConversationId, _options.RetryDelay);
            return Delivery.Retry;
        }

        if (!queued)
        {
            _logger.LogInformation("{Key} was settled by another dispatcher meanwhile; not queued", key);
            return Delivery.Done;
        }

        _signal.Notify();
        _logger.LogInformation("Queued {Key} for {Conversation}{Late}", key, outgoing.ConversationId, late ? $", {lateness} late" : string.Empty);
        return Delivery.Done;
    }

    /// <summary>The chat blocked or removed the bot: its meetings pause and their timers go.</summary>
    private async ValueTask PauseConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var paused = await _store.PauseAllAsync(conversationId, Now, cancellationToken).ConfigureAwait(false);
        foreach (var meeting in paused)
        {
            await _timers.SetMeetingTimerAsync(meeting.Id, null, cancellationToken).ConfigureAwait(false);
        }

        _logger.LogWarning("{Conversation} blocked the bot: paused its {Count} meeting(s)", conversationId, paused.Count);
    }

    /// <summary>Deletes the step that was asked, unless it has meanwhile been agreed again with a new date.</summary>
    private async ValueTask RemoveStepAsync(NextStep step, CancellationToken cancellationToken)
    {
        var current = await _store.GetNextStepAsync(step.ConversationId, step.SituationId, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.DueAt == step.DueAt)
        {
            await _store.DeleteNextStepAsync(step.ConversationId, step.SituationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
