namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>Telegram's published sending limits and how hard to retry; the defaults are Telegram's.</summary>
public sealed class TelegramSendLimits
{
    /// <summary>At most one message per chat in this interval.</summary>
    public TimeSpan PerChatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many messages per group in any 60 s.</summary>
    public int GroupMessagesPerMinute { get; init; } = 20;

    /// <summary>At most this many messages overall in any 1 s.</summary>
    public int GlobalPerSecond { get; init; } = 30;

    /// <summary>Requests in flight at once; Telegram round trips take ~100 ms, so one at a time could not reach 30/s.</summary>
    public int MaxConcurrentRequests { get; init; } = 16;

    /// <summary>Requests per message, the first included, before it is dropped.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Longest pause honoured from a 429's retry_after.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PerChatInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(GroupMessagesPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(GlobalPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRequests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero);
    }
}
