using System.Collections.Concurrent;

namespace RecipeBot.Channels.WebChat.Protection;

/// <summary>
/// Fixed one-minute windows per key (a token, a client address), on the injected clock. A key over its limit is
/// told how long until its window ends (<c>Retry-After</c>). Windows that ended are swept now and then, so a flood of
/// addresses does not keep memory.
/// </summary>
public sealed class WebChatRateLimiter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Counts one request of <paramref name="key"/>; false (and the wait) when it is over <paramref name="perMinute"/>.</summary>
    public bool TryAcquire(string key, int perMinute, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        if (_counters.Count > SweepAbove)
        {
            Sweep(now);
        }

        var counter = _counters.GetOrAdd(key, _ => new Counter());
        lock (counter)
        {
            if (now >= counter.WindowEnd)
            {
                counter.WindowEnd = now + Window;
                counter.Count = 0;
            }

            if (counter.Count >= perMinute)
            {
                retryAfter = counter.WindowEnd - now;
                return false;
            }

            counter.Count++;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
        {
            if (now >= counter.WindowEnd)
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset WindowEnd { get; set; }

        public int Count { get; set; }
    }
}
