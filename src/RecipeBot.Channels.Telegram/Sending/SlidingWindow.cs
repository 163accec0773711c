namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// "At most <c>limit</c> requests in any <c>length</c>", counted by when each request may have reached Telegram
/// (see <see cref="SendTiming.LatestArrival"/>) rather than merely when it started.
/// </summary>
internal sealed class SlidingWindow(int limit, TimeSpan length)
{
    private readonly List<SendTiming> _sends = [];
    private readonly List<DateTimeOffset> _arrivals = [];

    /// <summary>The earliest moment, not before <paramref name="now"/>, at which one more request fits.</summary>
    public DateTimeOffset NextStart(DateTimeOffset now)
    {
        Forget(now);
        if (_sends.Count < limit)
        {
            return now;
        }

        // One more fits once the limit-th latest arrival has left the window.
        _arrivals.Clear();
        foreach (var send in _sends)
        {
            _arrivals.Add(send.LatestArrival(now));
        }

        _arrivals.Sort();
        var next = _arrivals[^limit] + length;
        return next > now ? next : now;
    }

    public void Record(SendTiming send) => _sends.Add(send);

    /// <summary>True when nothing remembered still counts, so forgetting the window changes nothing.</summary>
    public bool IsEmptyAt(DateTimeOffset now)
    {
        Forget(now);
        return _sends.Count == 0;
    }

    private void Forget(DateTimeOffset now)
    {
        for (var i = _sends.Count - 1; i >= 0; i--)
        {
            var send = _sends[i];
            if (send.End is not null && send.LatestArrival(now) + length <= now)
            {
                _sends.RemoveAt(i);
            }
        }
    }
}
