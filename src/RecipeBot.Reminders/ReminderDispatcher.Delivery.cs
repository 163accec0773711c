using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Reminders;

public sealed partial class ReminderDispatcher
{
    /// <summary>Who may send a key.</summary>
    private enum Claim
    {
        /// <summary>This call: a fresh claim, or an unconfirmed one of this instance or of a dead one.</summary>
        Ours,

        /// <summary>Settled by someone already: nothing to do.</summary>
        Taken,

        /// <summary>Another sender has it in hand right now: look again later.</summary>
        Busy,
    }

    /// <summary>What became of one notification, for the caller's timer.</summary>
    private enum Delivery
    {
        Done,
        Retry,
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

            // Pending: the send was never confirmed. Ours (a failed send, or a crash of this instance) or a
            // peer's that has been quiet too long is taken over — atomically, so of two instances one wins;
            // a peer's fresh one is in hand.
            if (await _store.TryTakeOverAsync(key, InstanceId, now - _options.PendingTimeout, now, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogInformation("Sending {Key} again: it was claimed before and never confirmed", key);
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
    /// The late policy, the send and the ledger record of a claimed key. Late by less than
    /// <paramref name="allowance"/>: sent, marked late past the on-time tolerance; later: skipped and logged.
    /// A channel failure leaves the claim Pending (touched) for a retry.
    /// </summary>
    private async ValueTask<Delivery> SendAsync(
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
        SendOutcome outcome;
        try
        {
            outcome = await _senders.SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogError(exception, "Sending {Key} to {Conversation} threw", key, outgoing.ConversationId);
            outcome = SendOutcome.Failed;
        }

        // What the channel did is recorded even while the bot is stopping: a message that went out but stayed
        // Pending in the ledger would be sent again after the restart.
        switch (outcome)
        {
            case SendOutcome.Sent:
                await _store.CompleteAsync(key, late ? NotificationStatus.SentLate : NotificationStatus.Sent, Now, CancellationToken.None).ConfigureAwait(false);
                _logger.LogInformation("Sent {Key} to {Conversation}{Late}", key, outgoing.ConversationId, late ? $", {lateness} late" : string.Empty);
                return Delivery.Done;
            case SendOutcome.Blocked:
                await _store.CompleteAsync(key, NotificationStatus.Undeliverable, Now, CancellationToken.None).ConfigureAwait(false);
                return Delivery.Blocked;
            case SendOutcome.NoRoute:
                await _store.CompleteAsync(key, NotificationStatus.Undeliverable, Now, CancellationToken.None).ConfigureAwait(false);
                _logger.LogWarning("No channel takes {Conversation}: {Key} is undeliverable", outgoing.ConversationId, key);
                return Delivery.Done;
            default:
                // Still Pending, touched: a retry (the timer, or the catch-up after a restart) sends it again.
                await _store.CompleteAsync(key, NotificationStatus.Pending, Now, CancellationToken.None).ConfigureAwait(false);
                _logger.LogWarning("The channel refused {Key} for {Conversation} for now; trying again in {RetryDelay}", key, outgoing.ConversationId, _options.RetryDelay);
                return Delivery.Retry;
        }
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
