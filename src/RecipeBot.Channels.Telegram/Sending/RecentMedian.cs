namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// The median of the last few durations (round trips, turns): the usual time, not moved by one slow answer or one
/// long poll that waited for updates. Not thread-safe.
/// </summary>
public sealed class RecentMedian
{
    private readonly TimeSpan[] _last;
    private readonly TimeSpan[] _sorted;
    private int _count;
    private int _next;

    public RecentMedian(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _last = new TimeSpan[window];
        _sorted = new TimeSpan[window];
    }

    /// <summary>Null until the first duration; the upper median when the count is even.</summary>
    public TimeSpan? Value
    {
        get
        {
            if (_count == 0)
            {
                return null;
            }

            var sorted = _sorted.AsSpan(0, _count);
            _last.AsSpan(0, _count).CopyTo(sorted);
            sorted.Sort();
            return sorted[_count / 2];
        }
    }

    public void Add(TimeSpan duration)
    {
        _last[_next] = duration;
        _next = (_next + 1) % _last.Length;
        _count = Math.Min(_count + 1, _last.Length);
    }
}
