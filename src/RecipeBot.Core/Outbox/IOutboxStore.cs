using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Outbox;

/// <summary>
/// The durable queue of everything the bot sends: replies (written by the turn in the same transaction as the
/// conversation), reminders, follow-ups and nudges. A row leaves only after its channel confirmed the message.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Adds messages that belong to no turn (a reminder), in one transaction.</summary>
    ValueTask AddAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Rows for conversations whose id starts with <paramref name="prefix"/>, with an id above <paramref name="afterId"/>
    /// and due at <paramref name="now"/>, oldest first.
    /// </summary>
    ValueTask<IReadOnlyList<OutboxItem>> PendingAsync(string prefix, long afterId, int max, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes rows the channel confirmed (or that can never be delivered).</summary>
    ValueTask CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt and keeps the row until <paramref name="notBefore"/>; returns the attempts so far.</summary>
    ValueTask<int> RetryLaterAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken);
}
