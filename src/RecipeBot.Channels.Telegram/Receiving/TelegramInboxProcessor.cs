using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Turns;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Works through the durable inbox that polling and the webhook fill, continuously (<see cref="InboxDispatcher"/>):
/// chats in parallel, each chat's updates in order, a new update started as soon as its chat is free. The turn
/// answers whatever the engine throws; an update that still fails (the database is down) is retried a few times,
/// its chat's later updates waiting behind it, and then given up — logged, and the user told — never blocking the
/// other chats.
/// </summary>
public sealed class TelegramInboxProcessor(
    IInboxStore inbox,
    TelegramUpdateHandler handler,
    TurnRunner turns,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramInboxProcessor> logger) : BackgroundService
{
    public const string Channel = "telegram";
    public const int MaxAttempts = 3;

    /// <summary>The most updates kept as read when they were stored; past it the memory is emptied and refilled.</summary>
    public const int MaxRemembered = 4096;

    /// <summary>How many of the latest turns <see cref="TypicalTurnTime"/> is the median of.</summary>
    public const int TurnTimeWindow = 64;

    /// <summary>
    /// The median time, over the latest turns of updates handed over by <see cref="Signal(IReadOnlyList{Update})"/>,
    /// from the hand-over to the end of the turn (its reply written to the outbox); null before the first.
    /// </summary>
    public TimeSpan? TypicalTurnTime
    {
        get
        {
            lock (_turnTimesLock)
            {
                return _turnTimes.Value;
            }
        }
    }

    // Updates the poller or the webhook read when storing them, by update id: their turn takes them from here rather
    // than reading the stored JSON a second time. A row worked by another instance (PostgreSQL) leaves its entry
    // behind, which the bound clears; a missing entry only means the JSON is read again.
    private readonly ConcurrentDictionary<long, StoredUpdate> _stored = new();
    private readonly Lock _turnTimesLock = new();
    private readonly RecentMedian _turnTimes = new(TurnTimeWindow);
    private int _storedCount;
    private InboxDispatcher? _dispatcher;

    private InboxDispatcher Dispatcher =>
        LazyInitializer.EnsureInitialized(ref _dispatcher, () => new InboxDispatcher(inbox, Channel, ProcessOneAsync, options.Workers, time, logger));

    /// <summary>Wakes the processor: updates from <paramref name="earliestUpdateId"/> on were added to the inbox.</summary>
    public void Signal(long earliestUpdateId) => Dispatcher.Signal(earliestUpdateId);

    /// <summary>
    /// Wakes the processor for <paramref name="updates"/>, just added to the inbox, and keeps them as they were read so
    /// their turns do not parse them again.
    /// </summary>
    public void Signal(IReadOnlyList<Update> updates)
    {
        if (updates.Count == 0)
        {
            return;
        }

        // Counted alongside rather than with ConcurrentDictionary.Count, which takes every lock; a race only blurs the bound.
        if (Volatile.Read(ref _storedCount) + updates.Count > MaxRemembered)
        {
            _stored.Clear();
            Volatile.Write(ref _storedCount, 0);
        }

        var earliest = long.MaxValue;
        var handedOver = time.GetTimestamp();
        foreach (var update in updates)
        {
            if (_stored.TryAdd(update.Id, new StoredUpdate(update, handedOver)))
            {
                Interlocked.Increment(ref _storedCount);
            }

            earliest = Math.Min(earliest, update.Id);
        }

        Dispatcher.Signal(earliest);
    }

    public static string PartitionOf(Update update) =>
        (update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat ?? update.MyChatMember?.Chat ?? update.EditedMessage?.Chat) is { } chat
            ? TelegramUpdateHandler.ConversationId(chat.Id)
            : "telegram:none";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Dispatcher.RunAsync(stoppingToken);

    /// <summary>The update as read when it was stored, taken out of memory; null when it is not there.</summary>
    internal Update? Remembered(long updateId) => Take(updateId)?.Update;

    private StoredUpdate? Take(long updateId)
    {
        if (!_stored.TryRemove(updateId, out var remembered))
        {
            return null;
        }

        Interlocked.Decrement(ref _storedCount);
        return remembered;
    }

    /// <summary>True when the item is finished with: handled, or given up.</summary>
    private async Task<bool> ProcessOneAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var remembered = Take(item.Sequence);
        Update? update;
        try
        {
            update = remembered?.Update ?? TelegramUpdateJson.Parse(item.Payload);
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Update {UpdateId} in the inbox is not readable; given up", item.Sequence);
            return true;
        }

        if (update is null)
        {
            return true;
        }

        try
        {
            await handler.HandleAsync(update, cancellationToken).ConfigureAwait(false);
            if (remembered is not null)
            {
                var took = time.GetElapsedTime(remembered.HandedOver);
                lock (_turnTimesLock)
                {
                    _turnTimes.Add(took);
                }
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = await inbox.FailAsync(Channel, item.Sequence, cancellationToken).ConfigureAwait(false);
            if (attempts >= MaxAttempts)
            {
                // Never silently: the user hears that the message was not handled, and the log says why.
                var told = await turns.ApologiseAsync(item.Partition, LanguageOf(update), cancellationToken).ConfigureAwait(false);
                logger.LogError(e, "Update {UpdateId} failed {Attempts} times; given up, the user {Told}", item.Sequence, attempts, told ? "was told" : "could not be told");
                return true;
            }

            logger.LogWarning(e, "Update {UpdateId} failed (attempt {Attempts}); will retry", item.Sequence, attempts);
            return false;
        }
    }

    private static string? LanguageOf(Update update) =>
        (update.Message?.From ?? update.CallbackQuery?.From)?.LanguageCode;

    private sealed record StoredUpdate(Update Update, long HandedOver);
}
