namespace RecipeBot.Core.Channels;

/// <summary>
/// A durable queue of inbound deliveries (a Telegram update, a Teams activity). A delivery is
/// written here before it is acknowledged to the platform, handled afterwards, and then
/// completed; the same delivery id written twice is kept once.
/// </summary>
public interface IInboxStore
{
    /// <summary>Stores the deliveries that are not there yet, in one transaction; returns how many were new.</summary>
    ValueTask<int> AddAsync(string channel, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken);

    /// <summary>The oldest pending deliveries of <paramref name="channel"/> after <paramref name="afterSequence"/>, in delivery order.</summary>
    ValueTask<IReadOnlyList<InboxItem>> PendingAsync(string channel, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>Removes handled deliveries.</summary>
    ValueTask CompleteAsync(string channel, IReadOnlyList<long> sequences, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt; returns the number of attempts so far.</summary>
    ValueTask<int> FailAsync(string channel, long sequence, CancellationToken cancellationToken);
}
