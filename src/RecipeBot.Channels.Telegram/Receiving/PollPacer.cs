using RecipeBot.Channels.Telegram.Sending;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// When the next poll goes, and how many updates it asks for. A poll asks for as many updates as the sender has
/// request slots (at most <see cref="TelegramPollingService.MaxBatch"/>), and is held while the middle reply of such a
/// batch would wait for a slot (<see cref="TelegramSender.SlotWait"/>): the updates wait at Telegram instead, in order,
/// and a reply leaves about one round trip after its update was taken. Used by the one polling loop only.
/// </summary>
internal sealed class PollPacer(TelegramSender sender, Func<TimeSpan?> typicalTurnTime, int maxConcurrentRequests, TimeProvider time)
{
    /// <summary>The longest a poll is held for the sender's request slots; then the most Telegram hands out is taken all the same.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    /// <summary>How many of the latest polls that brought updates the usual poll time (the batch stored) is the median of.</summary>
    public const int PollTimeWindow = 16;

    private readonly RecentMedian _pollTimes = new(PollTimeWindow);
    private (long From, TimeSpan Hold)? _afterBatch;

    /// <summary>The updates a poll asks for when it is not held to the longest.</summary>
    public int Batch { get; } = Math.Min(maxConcurrentRequests, TelegramPollingService.MaxBatch);

    /// <summary>
    /// How long to hold a poll, given how long the middle reply of its batch would wait for a request slot: the wait
    /// beyond a fifth of a request's round trip. The forecast rests on medians of noisy times; a poll held a little too
    /// long leaves slots idle for good, a reply that waits a little costs only that reply.
    /// </summary>
    public static TimeSpan Hold(TimeSpan slotWait, TimeSpan roundTrip)
    {
        var hold = slotWait - (roundTrip / 5);
        return hold > TimeSpan.Zero ? hold : TimeSpan.Zero;
    }

    /// <summary>
    /// A poll brought <paramref name="count"/> updates, now stored and not yet handed to their turns,
    /// <paramref name="took"/> after it was asked: the hold of the next poll is forecast now, with all their replies
    /// still to go, so that none is counted twice (in its turn and already at the sender).
    /// </summary>
    public void Arrived(int count, TimeSpan took)
    {
        _pollTimes.Add(took);
        _afterBatch = (time.GetTimestamp(), Forecast(count));
    }

    /// <summary>
    /// How long to hold the poll about to go, and how many updates it asks for: what is left of the hold forecast when
    /// the last batch arrived, or, after an empty or failed poll, a fresh forecast. A hold cut at <see cref="MaxHold"/>
    /// (Telegram answering very slowly) asks for the most updates all the same, so that presses are answered and the
    /// inbox keeps them.
    /// </summary>
    public (TimeSpan Hold, int Limit) Next()
    {
        var (from, hold) = _afterBatch ?? (time.GetTimestamp(), Forecast(0));
        _afterBatch = null;
        var left = hold - time.GetElapsedTime(from);
        return (left > TimeSpan.Zero ? left : TimeSpan.Zero, hold >= MaxHold ? TelegramPollingService.MaxBatch : Batch);
    }

    private TimeSpan Forecast(int lastBatch)
    {
        if (sender.TypicalRoundTrip is not { } roundTrip)
        {
            return TimeSpan.Zero;
        }

        // The forecast stops at the wait whose hold is MaxHold, so no hold is longer.
        var readyIn = (_pollTimes.Value ?? TimeSpan.Zero) + (typicalTurnTime() ?? TimeSpan.Zero);
        return Hold(sender.SlotWait(readyIn, lastBatch, Batch, MaxHold + (roundTrip / 5)), roundTrip);
    }
}
