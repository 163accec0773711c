namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// When the sender's request slots free up, told from the requests in flight and the usual round trip: the basis on
/// which the poller decides when to take the next batch (<see cref="Receiving.TelegramPollingService"/>).
/// </summary>
public static class SlotForecast
{
    /// <summary>
    /// How long the middle one of <paramref name="count"/> new messages, ready to go <paramref name="readyIn"/> from
    /// <paramref name="now"/>, would wait for one of <paramref name="slots"/> request slots. The requests in flight
    /// (<paramref name="flightStarts"/>) each hold their slot one <paramref name="roundTrip"/> from their start;
    /// <paramref name="ahead"/> messages ready now take slots first, each in turn as one frees, for a round trip each.
    /// </summary>
    public static TimeSpan MiddleWait(
        DateTimeOffset now, IEnumerable<DateTimeOffset> flightStarts, int slots, TimeSpan roundTrip, TimeSpan readyIn, int ahead, int count)
    {
        ArgumentNullException.ThrowIfNull(flightStarts);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        if (count <= 0)
        {
            return TimeSpan.Zero;
        }

        roundTrip = roundTrip < TimeSpan.Zero ? TimeSpan.Zero : roundTrip;
        var free = new PriorityQueue<DateTimeOffset, DateTimeOffset>(slots);
        foreach (var start in flightStarts)
        {
            Free(free, start + roundTrip);
        }

        while (free.Count < slots)
        {
            Free(free, now);
        }

        // Each message takes the slot that frees first, once it is ready itself, and holds it for a round trip.
        for (var i = 0; i < ahead; i++)
        {
            var slot = free.Dequeue();
            Free(free, (slot > now ? slot : now) + roundTrip);
        }

        var ready = now + readyIn;
        var middle = ready;
        for (var i = 0; i <= count / 2; i++)
        {
            middle = free.Dequeue();
            Free(free, (middle > ready ? middle : ready) + roundTrip);
        }

        return middle > ready ? middle - ready : TimeSpan.Zero;
    }

    private static void Free(PriorityQueue<DateTimeOffset, DateTimeOffset> free, DateTimeOffset at) => free.Enqueue(at, at);
}
