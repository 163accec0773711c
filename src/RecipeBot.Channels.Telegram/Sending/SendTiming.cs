namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>When one request started and, once answered, when its answer came back.</summary>
internal sealed class SendTiming(DateTimeOffset start)
{
    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset? End { get; set; }

    /// <summary>
    /// The latest moment Telegram may have received the request, which is what its limits count. Usually that
    /// is just after the start; but a request that took much longer than the quickest recent round trip
    /// (connection set-up, a congested network) may have arrived only just before its answer, and one still in
    /// flight may be arriving now.
    /// </summary>
    public DateTimeOffset LatestArrival(DateTimeOffset now, TimeSpan quickestRoundTrip)
    {
        var bound = (End ?? now) - quickestRoundTrip;
        return bound > Start ? bound : Start;
    }
}
