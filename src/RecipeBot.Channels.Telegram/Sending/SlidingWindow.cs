namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>"At most <c>limit</c> starts in any <c>length</c>": remembers only the last <c>limit</c> starts.</summary>
internal sealed class SlidingWindow(int limit, TimeSpan length)
{
    private readonly Queue<DateTimeOffset> _starts = new(limit);
    private DateTimeOffset _latest = DateTimeOffset.MinValue;

    /// <summary>The earliest moment, not before <paramref name="now"/>, at which one more start fits.</summary>
    public DateTimeOffset NextStart(DateTimeOffset now)
    {
        if (_starts.Count < limit)
        {
            return now;
        }

        var next = _starts.Peek() + length;
        return next > now ? next : now;
    }

    public void Record(DateTimeOffset start)
    {
        if (_starts.Count == limit)
        {
            _starts.Dequeue();
        }

        _starts.Enqueue(start);
        _latest = start;
    }

    /// <summary>True when no remembered start still counts, so forgetting the window changes nothing.</summary>
    public bool IsEmptyAt(DateTimeOffset now) => _starts.Count == 0 || _latest + length <= now;
}
