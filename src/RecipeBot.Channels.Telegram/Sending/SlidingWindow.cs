namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// "At most <c>limit</c> requests in any <c>length</c>", counted by when each request may have reached Telegram
/// (see <see cref="SendTiming.LatestArrival"/>) rather than merely when it started. Requests in flight count as
/// arriving now; answered ones by when their answer came, kept in that order, so each question costs O(1) however
/// high the limit (the global window holds a second's worth of requests).
/// </summary>
internal sealed class SlidingWindow(int limit, TimeSpan length)
{
    private readonly List<DateTimeOffset> _ends = [];
    private int _head;
    private int _inFlight;

    /// <summary>The earliest moment, not before <paramref name="now"/>, at which one more request fits.</summary>
    public DateTimeOffset NextStart(DateTimeOffset now)
    {
        Forget(now);
        var answered = _ends.Count - _head;
        if (_inFlight + answered < limit)
        {
            return now;
        }

        // One more fits once the limit-th latest arrival has left the window; those in flight are the latest (now).
        var latest = _inFlight >= limit ? now : _ends[_ends.Count - (limit - _inFlight)];
        var next = latest + length;
        return next > now ? next : now;
    }

    public void Record(SendTiming send)
    {
        _inFlight++;
        send.CountedBy(this);
    }

    /// <summary>True when nothing remembered still counts, so forgetting the window changes nothing.</summary>
    public bool IsEmptyAt(DateTimeOffset now)
    {
        Forget(now);
        return _inFlight == 0 && _head == _ends.Count;
    }

    /// <summary>A request counted here was answered at <paramref name="at"/>.</summary>
    internal void Finished(DateTimeOffset at)
    {
        _inFlight--;
        // Answers are recorded as they come, under one lock and one clock; a clock stepping back keeps the order
        // by counting the answer a little later, which is only stricter.
        _ends.Add(_ends.Count > _head && _ends[^1] > at ? _ends[^1] : at);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_head < _ends.Count && _ends[_head] + length <= now)
        {
            _head++;
        }

        if (_head == _ends.Count)
        {
            _ends.Clear();
            _head = 0;
        }
        else if (_head > 1024 && _head > _ends.Count / 2)
        {
            _ends.RemoveRange(0, _head);
            _head = 0;
        }
    }
}
