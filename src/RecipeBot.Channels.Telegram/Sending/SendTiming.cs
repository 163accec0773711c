namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>When one request started and, once answered, when its answer came back.</summary>
internal sealed class SendTiming(DateTimeOffset start)
{
    // The windows that count this request (its chat's, its group's, the global one): told when it is answered.
    private readonly List<SlidingWindow> _windows = new(3);

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset? End { get; private set; }

    /// <summary>
    /// The latest moment Telegram may have received the request, which is what its limits count: when the
    /// answer came back, or now while it is in flight. Counting from the start instead lets a request slowed on
    /// the way (a new connection, a congested network) land in the next window with the requests after it.
    /// </summary>
    public DateTimeOffset LatestArrival(DateTimeOffset now) => End ?? now;

    internal void CountedBy(SlidingWindow window) => _windows.Add(window);

    /// <summary>The answer came back at <paramref name="at"/>. Called under the sender's lock, like the windows' reads.</summary>
    public void Finish(DateTimeOffset at)
    {
        if (End is not null)
        {
            return;
        }

        End = at;
        foreach (var window in _windows)
        {
            window.Finished(at);
        }
    }
}
