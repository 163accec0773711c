using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;
using Telegram.Bot;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// The outbound queue: per-chat FIFO queues drained by one scheduler loop within Telegram's limits (one message
/// per chat per interval, a per-minute cap for groups, a global per-second cap), with different chats sent
/// concurrently. Failures are handled per chat, so one failing chat never holds up the others.
/// </summary>
/// <remarks>
/// The limits are sliding windows over the clock, checked when a request is about to start. Each earlier
/// request counts from when its answer came back (from now while in flight): the only moment by which Telegram
/// surely had it. That costs one round trip per window (about 27/s rather than 30/s at 100 ms), but no server
/// counting arrivals can see a limit broken, however late a request got there.
/// </remarks>
public sealed partial class TelegramSender : BackgroundService, ITelegramSender
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    /// <summary>How many of the latest requests Telegram took <see cref="TypicalRoundTrip"/> is the median of.</summary>
    public const int RoundTripWindow = 64;

    private readonly ITelegramBotClient _bot;
    private readonly IChatDirectory _chats;
    private readonly TimeProvider _time;
    private readonly TelegramSendLimits _limits;
    private readonly ILogger<TelegramSender> _logger;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatSendState> _states = [];
    private readonly HashSet<ChatSendState> _backlog = [];
    private readonly SlidingWindow _global;
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _idle = NewSignal();
    private int _queued;
    private readonly HashSet<ChatSendState> _flying = [];
    private readonly RecentMedian _roundTrips = new(RoundTripWindow);
    private int _waitingForSlot;
    private long _nextSequence;
    private DateTimeOffset _lastPrune;

    public TelegramSender(ITelegramBotClient bot, IChatDirectory chats, TimeProvider time, TelegramSendLimits limits, ILogger<TelegramSender> logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _bot = bot;
        _chats = chats;
        _time = time;
        _limits = limits;
        _logger = logger;
        _global = new SlidingWindow(limits.GlobalPerSecond, TimeSpan.FromSeconds(1));
        _idle.SetResult();
        _lastPrune = time.GetUtcNow();
    }

    public TelegramSenderStatistics Statistics { get; } = new();

    /// <summary>
    /// Chats whose next message may go now by every limit of Telegram's but waits for one of the
    /// <see cref="TelegramSendLimits.MaxConcurrentRequests"/> to be free: the network, not Telegram's limits, holds them.
    /// </summary>
    public int WaitingForSlot => Volatile.Read(ref _waitingForSlot);

    /// <summary>
    /// The median time of the latest requests Telegram took, from start to answer (failures, often answered at once, are
    /// left out); null before the first.
    /// </summary>
    public TimeSpan? TypicalRoundTrip
    {
        get
        {
            lock (_gate)
            {
                return _roundTrips.Value;
            }
        }
    }

    /// <summary>
    /// How long the middle one of <paramref name="count"/> new messages, ready <paramref name="readyIn"/> from now,
    /// would wait for a request slot behind the chats waiting for one and <paramref name="alsoAhead"/> more messages
    /// (<see cref="SlotForecast.MiddleWait"/>, at most <paramref name="cap"/>); zero before any request was answered.
    /// </summary>
    public TimeSpan SlotWait(TimeSpan readyIn, int alsoAhead, int count, TimeSpan cap)
    {
        lock (_gate)
        {
            return _roundTrips.Value is { } roundTrip
                ? SlotForecast.MiddleWait(
                    _time.GetUtcNow(),
                    _flying.Select(chat => chat.Flight!.Start),
                    _limits.MaxConcurrentRequests,
                    roundTrip,
                    readyIn,
                    _waitingForSlot + alsoAhead,
                    count,
                    cap)
                : TimeSpan.Zero;
        }
    }

    public async ValueTask EnqueueAsync(TelegramOutgoing message, CancellationToken cancellationToken) =>
        await QueueAsync(message, cancellationToken).ConfigureAwait(false);

    public async ValueTask<SendOutcome> SendAsync(TelegramOutgoing message, CancellationToken cancellationToken)
    {
        var delivery = await QueueAsync(message, cancellationToken).ConfigureAwait(false);
        return await delivery.Outcome.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<PendingDelivery> QueueAsync(TelegramOutgoing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var texts = TelegramTextSplitter.Split(message.HtmlText);
        var parts = texts.Count + (message.Document is null ? 0 : 1);
        var delivery = new PendingDelivery(parts);
        var chatId = await ResolveAsync(message.ChatId, cancellationToken).ConfigureAwait(false);
        if (!await _chats.IsActiveAsync(ConversationId(chatId), cancellationToken).ConfigureAwait(false))
        {
            Statistics.AddDropped(parts);
            delivery.NotSent(SendOutcome.Blocked);
            return delivery;
        }

        lock (_gate)
        {
            var chat = GetOrAddState(chatId);
            if (chat.Blocked)
            {
                Statistics.AddDropped(parts);
                delivery.NotSent(SendOutcome.Blocked);
                return delivery;
            }

            // Only groups migrate, and they always migrate to supergroups.
            if (message.IsGroup || chatId != message.ChatId)
            {
                chat.MarkGroup();
            }

            for (var i = 0; i < texts.Count; i++)
            {
                var keyboard = i == texts.Count - 1 ? message.Keyboard : null;
                chat.Items.AddLast(new QueuedPart(texts[i], keyboard, _nextSequence++) { Delivery = delivery });
            }

            if (message.Document is { } document)
            {
                // Its own request after the text, so it waits for the same per-chat, group and global windows.
                chat.Items.AddLast(new QueuedPart(string.Empty, null, _nextSequence++) { Document = document, Delivery = delivery });
            }

            _backlog.Add(chat);
            if (_queued == 0 && _idle.Task.IsCompleted)
            {
                _idle = NewSignal();
            }

            _queued += parts;
            _wake.TrySetResult();
        }

        return delivery;
    }

    /// <summary>Completes when nothing is queued or in flight.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        return idle.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// How long requests already on their way may take to finish when the bot stops. Cutting one off after
    /// Telegram took it would leave its sender unsure and a reminder would go out again after the restart.
    /// </summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        var pruneAt = Math.Max(64, 2 * _limits.MaxConcurrentRequests);

        // Nothing new starts once stopping begins; what is in flight gets InFlightGrace to be answered.
        using var sends = new CancellationTokenSource();
        using var drain = stoppingToken.Register(() => sends.CancelAfter(InFlightGrace));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake;
                List<(ChatSendState Chat, QueuedPart Part, SendTiming Timing)> starts;
                TimeSpan? delay;
                lock (_gate)
                {
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = NewSignal();
                    }

                    wake = _wake.Task;
                    var now = _time.GetUtcNow();
                    (starts, var wakeAt) = Plan(now);
                    delay = wakeAt - now;
                }

                foreach (var (chat, part, timing) in starts)
                {
                    running.Add(SendPartAsync(chat, part, timing, sends.Token));
                }

                if (running.Count >= pruneAt)
                {
                    // Finished sends are let go now and then, not at every wake: at most MaxConcurrentRequests are in flight.
                    running.RemoveAll(task => task.IsCompleted);
                }

                await WaitAsync(wake, delay, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            // The sends in flight finish (or are cut off after the grace); what was still waiting stays queued.
            await Task.WhenAll(running).ConfigureAwait(false);
            AbandonWaiting();
        }
    }

    /// <summary>Starts every chat that may send now, longest-waiting first; returns when to look again.</summary>
    private (List<(ChatSendState Chat, QueuedPart Part, SendTiming Timing)> Starts, DateTimeOffset? WakeAt) Plan(DateTimeOffset now)
    {
        PruneIfDue(now);
        var starts = new List<(ChatSendState Chat, QueuedPart Part, SendTiming Timing)>();
        DateTimeOffset? wakeAt = null;
        var ready = new List<ChatSendState>();
        foreach (var chat in _backlog)
        {
            if (chat.InFlight)
            {
                continue;
            }

            var next = chat.NextStart(now);
            if (next <= now)
            {
                ready.Add(chat);
            }
            else if (wakeAt is null || next < wakeAt)
            {
                wakeAt = next;
            }
        }

        ready.Sort(static (a, b) => a.Items.First!.Value.Sequence.CompareTo(b.Items.First!.Value.Sequence));
        var waitingForSlot = 0;
        for (var i = 0; i < ready.Count; i++)
        {
            var chat = ready[i];
            if (_flying.Count >= _limits.MaxConcurrentRequests)
            {
                waitingForSlot = ready.Count - i;
                break; // a finishing request wakes the loop
            }

            var globalNext = _global.NextStart(now);
            if (globalNext > now)
            {
                wakeAt = wakeAt is null || globalNext < wakeAt ? globalNext : wakeAt;
                break;
            }

            var part = chat.Items.First!.Value;
            var timing = new SendTiming(now);
            part.Attempts++;
            chat.Flight = timing;
            chat.RecordStart(timing);
            _global.Record(timing);
            _flying.Add(chat);
            starts.Add((chat, part, timing));
        }

        Volatile.Write(ref _waitingForSlot, waitingForSlot);

        return (starts, wakeAt);
    }

    private async Task WaitAsync(Task wake, TimeSpan? delay, CancellationToken stoppingToken)
    {
        if (wake.IsCompleted)
        {
            return;
        }

        if (delay is not { } wait)
        {
            await wake.WaitAsync(stoppingToken).ConfigureAwait(false);
            return;
        }

        // Cancelled once woken, so that an enqueue does not leave a timer behind.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(wait < MinimumWait ? MinimumWait : wait, _time, timeout.Token);
        await Task.WhenAny(wake, timer).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>Forgets chats whose windows have passed, so the state does not grow with every chat ever seen.</summary>
    private void PruneIfDue(DateTimeOffset now)
    {
        if (now - _lastPrune < PruneInterval)
        {
            return;
        }

        _lastPrune = now;
        foreach (var (chatId, state) in _states)
        {
            if (state.IsForgettableAt(now))
            {
                _states.Remove(chatId);
            }
        }
    }

    private ChatSendState GetOrAddState(long chatId)
    {
        if (!_states.TryGetValue(chatId, out var state))
        {
            state = new ChatSendState(chatId, _limits);
            _states.Add(chatId, state);
        }

        return state;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
