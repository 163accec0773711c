namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>When one request started and, once answered, when its answer came back.</summary>
internal sealed class SendTiming(DateTimeOffset start)
{
    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset? End { get; set; }

    /// <summary>
    /// The latest moment Telegram may have received the request, which is what its limits count: when the
    /// answer came back, or now while it is in flight. Counting from the start instead lets a request slowed on
    /// the way (a new connection, a congested network) land in the next window with the requests after it.
    /// </summary>
    public DateTimeOffset LatestArrival(DateTimeOffset now) => End ?? now;
}
