namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>Counters of the outbound queue since start; safe to read from any thread.</summary>
public sealed class TelegramSenderStatistics
{
    private long _sent;
    private long _retried;
    private long _rateLimited;
    private long _dropped;
    private long _blockedChats;

    /// <summary>Messages Telegram accepted (a long text counts once per part).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Requests repeated after a 429, a 5xx, a network error or a timeout.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>429 Too Many Requests answers seen.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Messages given up: refused, out of attempts, or for a chat that blocked the bot.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Chats found to have blocked or removed the bot (403).</summary>
    public long BlockedChats => Interlocked.Read(ref _blockedChats);

    internal void AddSent() => Interlocked.Increment(ref _sent);

    internal void AddRetried() => Interlocked.Increment(ref _retried);

    internal void AddRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void AddDropped(int count) => Interlocked.Add(ref _dropped, count);

    internal void AddBlockedChat() => Interlocked.Increment(ref _blockedChats);
}
