using System.Diagnostics;

namespace RecipeBot.LoadDriver;

/// <summary>
/// The simulated users and what the fake Bot API sees of them: each reply closes the user's loop and, unless the
/// run is stopping, sends the user's next update at once. Counts everything; keeps latencies only while measuring.
/// </summary>
public sealed class LoadSession
{
    /// <summary>Chat (and user) ids are this plus the user's index; positive, so Telegram would call them private.</summary>
    public const long FirstChatId = 700_000_000;

    private readonly SimulatedUser[] _users;
    private readonly TimeSpan _think;
    private long _measureFrom = long.MaxValue;
    private long _measureTo = long.MaxValue;
    private volatile bool _stopping;
    private long _sent;
    private long _replies;
    private long _measuredReplies;
    private long _outstanding;
    private long _unmatched;
    private long _offScript;
    private long _unknownChats;
    private long _callbackAnswers;

    public LoadSession(int users, TimeSpan think = default)
    {
        _think = think;
        _users = new SimulatedUser[users];
        for (var i = 0; i < users; i++)
        {
            _users[i] = new SimulatedUser(i, FirstChatId + i);
        }
    }

    public IUpdateSink? Sink { get; set; }

    /// <summary>Reply latency: update made available → sendMessage received.</summary>
    public LatencySamples Latency { get; } = new();

    /// <summary>Update made available → taken by the bot (getUpdates served it / the webhook post started).</summary>
    public LatencySamples Intake { get; } = new();

    /// <summary>Button presses: taken by the bot → answerCallbackQuery received (inbox write, processor pick-up).</summary>
    public LatencySamples ToHandler { get; } = new();

    /// <summary>Button presses: answerCallbackQuery → sendMessage (keyboard removal, the turn, the sender).</summary>
    public LatencySamples HandlerToReply { get; } = new();

    /// <summary>Typed messages: taken by the bot → sendMessage.</summary>
    public LatencySamples TextToReply { get; } = new();

    /// <summary>Polling: from getUpdates answering with updates to the bot's next getUpdates (storing the batch in the inbox).</summary>
    public LatencySamples PollGap { get; } = new();

    /// <summary>Webhook: a post's start to its 200 (reading the update, storing it in the inbox).</summary>
    public LatencySamples WebhookPost { get; } = new();

    public long UpdatesSent => Interlocked.Read(ref _sent);

    public long Replies => Interlocked.Read(ref _replies);

    public long MeasuredReplies => Interlocked.Read(ref _measuredReplies);

    /// <summary>Updates whose reply has not arrived.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>sendMessage for a chat with no update awaiting a reply: a duplicate (or an unsolicited message).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Replies whose keyboard lacked the button the script presses next: a reply to the wrong update.</summary>
    public long OffScript => Interlocked.Read(ref _offScript);

    public long UnknownChats => Interlocked.Read(ref _unknownChats);

    /// <summary>answerCallbackQuery calls seen.</summary>
    public long CallbackAnswers => Interlocked.Read(ref _callbackAnswers);

    /// <summary>Every user sends their first update: all at once, or spread over one pause when users think.</summary>
    public void Start()
    {
        foreach (var user in _users)
        {
            if (_think == TimeSpan.Zero)
            {
                Deliver(user);
            }
            else
            {
                _ = DeliverAfterAsync(user, _think * Random.Shared.NextDouble());
            }
        }
    }

    public bool IsMeasuring(long now) => now >= Volatile.Read(ref _measureFrom) && now < Volatile.Read(ref _measureTo);

    public void BeginMeasuring(long now) => Volatile.Write(ref _measureFrom, now);

    public void EndMeasuring(long now) => Volatile.Write(ref _measureTo, now);

    /// <summary>Users send nothing more; what is under way still gets its reply.</summary>
    public void Stop() => _stopping = true;

    public void OnSent()
    {
        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _outstanding);
    }

    public SimulatedUser? UserOf(long chatId)
    {
        var index = chatId - FirstChatId;
        if (index >= 0 && index < _users.Length)
        {
            return _users[index];
        }

        Interlocked.Increment(ref _unknownChats);
        return null;
    }

    public void OnServed(SimulatedUser user, long updateId, long now)
    {
        lock (user.Gate)
        {
            if (user.Awaiting && user.PendingUpdateId == updateId && user.ServedAt == 0)
            {
                user.ServedAt = now;
            }
        }
    }

    public void OnCallbackAnswered(long chatId, long updateId, long now)
    {
        Interlocked.Increment(ref _callbackAnswers);
        if (UserOf(chatId) is { } user)
        {
            lock (user.Gate)
            {
                if (user.Awaiting && user.PendingUpdateId == updateId && user.CallbackAnsweredAt == 0)
                {
                    user.CallbackAnsweredAt = now;
                }
            }
        }
    }

    /// <summary>A sendMessage arrived at <paramref name="now"/>; returns the message id for the fake's answer.</summary>
    public long OnReply(long chatId, IReadOnlyList<string> keyboard, long now)
    {
        if (UserOf(chatId) is not { } user)
        {
            return 1;
        }

        long messageId;
        lock (user.Gate)
        {
            messageId = user.NextMessageId();
            if (!user.Awaiting)
            {
                Interlocked.Increment(ref _unmatched);
                return messageId;
            }

            Interlocked.Increment(ref _replies);
            Interlocked.Decrement(ref _outstanding);
            if (IsMeasuring(now))
            {
                Record(user, now);
            }

            if (!user.Advance(keyboard))
            {
                Interlocked.Increment(ref _offScript);
            }
        }

        if (_stopping)
        {
            return messageId;
        }

        if (_think == TimeSpan.Zero)
        {
            Deliver(user);
        }
        else
        {
            _ = DeliverAfterAsync(user, _think * (0.5 + Random.Shared.NextDouble()));
        }

        return messageId;
    }

    private async Task DeliverAfterAsync(SimulatedUser user, TimeSpan pause)
    {
        await Task.Delay(pause, TimeProvider.System).ConfigureAwait(false);
        if (!_stopping)
        {
            Deliver(user);
        }
    }

    private void Deliver(SimulatedUser user) =>
        (Sink ?? throw new InvalidOperationException("No update sink is set.")).Deliver(user);

    private void Record(SimulatedUser user, long now)
    {
        Interlocked.Increment(ref _measuredReplies);
        Latency.Add(now - user.SentAt);
        if (user.ServedAt == 0)
        {
            return;
        }

        Intake.Add(user.ServedAt - user.SentAt);
        if (user.PendingIsText)
        {
            TextToReply.Add(now - user.ServedAt);
        }
        else if (user.CallbackAnsweredAt != 0)
        {
            ToHandler.Add(user.CallbackAnsweredAt - user.ServedAt);
            HandlerToReply.Add(now - user.CallbackAnsweredAt);
        }
    }

    public static long Now() => Stopwatch.GetTimestamp();
}
