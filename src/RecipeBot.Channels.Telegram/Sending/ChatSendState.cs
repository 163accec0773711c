namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// A chat's queue and windows. Guarded by the sender's lock; the head stays in <see cref="Items"/> while it is
/// in flight, so a retry keeps its place and later messages wait behind it.
/// </summary>
internal sealed class ChatSendState(long chatId, TelegramSendLimits limits)
{
    private readonly SlidingWindow _perChat = new(1, limits.PerChatInterval);
    private SlidingWindow? _group;

    public long ChatId { get; } = chatId;

    public LinkedList<QueuedPart> Items { get; } = new();

    /// <summary>The chat's request on its way, if any; the head of <see cref="Items"/> stays queued meanwhile.</summary>
    public SendTiming? Flight { get; set; }

    public bool InFlight => Flight is not null;

    /// <summary>A 403 came and the directory is being told; messages arriving meanwhile are dropped.</summary>
    public bool Blocked { get; set; }

    /// <summary>Set by a 429's retry_after or a backoff.</summary>
    public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;

    public void MarkGroup()
    {
        _group ??= new SlidingWindow(limits.GroupMessagesPerMinute, TimeSpan.FromMinutes(1));
    }

    public DateTimeOffset NextStart(DateTimeOffset now)
    {
        var next = _perChat.NextStart(now);
        if (_group?.NextStart(now) is { } groupNext && groupNext > next)
        {
            next = groupNext;
        }

        return PausedUntil > next ? PausedUntil : next;
    }

    public void RecordStart(SendTiming send)
    {
        _perChat.Record(send);
        _group?.Record(send);
    }

    /// <summary>Nothing queued and no window or pause that a fresh state would forget.</summary>
    public bool IsForgettableAt(DateTimeOffset now) =>
        Items.Count == 0 && !InFlight && !Blocked && PausedUntil <= now
        && _perChat.IsEmptyAt(now) && (_group?.IsEmptyAt(now) ?? true);
}
