namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// When the sender's request slots free up, told from the requests in flight and the usual round trip: the basis on
/// which the poller decides when to take the next batch (<see cref="Receiving.PollPacer"/>).
/// </summary>
public static class SlotForecast
{
    /// <summary>
    /// How long the middle one of <paramref name="count"/> new messages, ready to go <paramref name="readyIn"/> from
    /// <paramref name="now"/>, would wait for one of <paramref name="slots"/> request slots. The requests in flight
    /// (<paramref name="flightStarts"/>) each hold their slot one <paramref name="roundTrip"/> from their start;
    /// <paramref name="ahead"/> messages ready now take slots first, each in turn as one frees, for a round trip each.
    /// A wait of <paramref name="cap"/> or more is told as <paramref name="cap"/>, without working out the rest of a
    /// long queue. A negative <paramref name="readyIn"/> or round trip counts as none.
    /// </summary>
    public static TimeSpan MiddleWait(
        DateTimeOffset now, IEnumerable<DateTimeOffset> flightStarts, int slots, TimeSpan roundTrip, TimeSpan readyIn, int ahead, int count, TimeSpan cap)
    {
        ArgumentNullException.ThrowIfNull(flightStarts);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, TimeSpan.Zero);
        if (count <= 0)
        {
            return TimeSpan.Zero;
        }

        roundTrip = roundTrip < TimeSpan.Zero ? TimeSpan.Zero : roundTrip;
        var ready = now + (readyIn < TimeSpan.Zero ? TimeSpan.Zero : readyIn);
        var free = new PriorityQueue<DateTimeOffset, DateTimeOffset>(slots);
        foreach (var start in flightStarts)
        {
            Free(free, start + roundTrip);
        }

        while (free.Count < slots)
        {
            Free(free, now);
        }

        // Each message takes the slot that frees first, once it is ready itself, and holds it for a round trip. Slots
        // only free later and later, so once the first to free is past the cap, so is the middle reply's.
        for (var i = 0; i < ahead; i++)
        {
            var slot = free.Dequeue();
            var start = slot > now ? slot : now;
            if (start - ready >= cap)
            {
                return cap;
            }

            Free(free, start + roundTrip);
        }

        var middle = ready;
        for (var i = 0; i <= count / 2; i++)
        {
            middle = free.Dequeue();
            Free(free, (middle > ready ? middle : ready) + roundTrip);
        }

        var wait = middle > ready ? middle - ready : TimeSpan.Zero;
        return wait < cap ? wait : cap;
    }

    private static void Free(PriorityQueue<DateTimeOffset, DateTimeOffset> free, DateTimeOffset at) => free.Enqueue(at, at);
}
