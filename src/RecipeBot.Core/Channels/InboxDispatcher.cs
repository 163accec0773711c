using Microsoft.Extensions.Logging;

namespace RecipeBot.Core.Channels;

/// <summary>
/// Works a channel's durable inbox continuously: each partition's (chat's) deliveries in order, partitions in
/// parallel (at most <c>workers</c> at once), and a new delivery starts as soon as its chat is free — there is no
/// batch that must finish before the next is read. A handled delivery is deleted right after; one that failed is
/// retried after a pause, and holds back its chat's later deliveries until then, so a chat's replies keep their order.
/// </summary>
/// <param name="handle">Handles one delivery: true when it is done with (handled, or given up), false to retry it later.</param>
public sealed partial class InboxDispatcher(
    IInboxStore inbox,
    string channel,
    Func<InboxItem, CancellationToken, Task<bool>> handle,
    int workers,
    TimeProvider time,
    ILogger logger)
{
    private const int ReadSize = 512;
    private const int MaxBuffered = 4096;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<InboxItem>> _chats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _held = new(StringComparer.Ordinal);
    private readonly HashSet<long> _taken = [];
    private readonly List<long> _done = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, workers));
    private readonly List<Task> _running = [];
    private long _cursor = long.MinValue;
    private DateTimeOffset _rescanAt = DateTimeOffset.MaxValue;
    private long _rewindTo = long.MaxValue;

    /// <summary>
    /// Wakes the dispatcher after deliveries from <paramref name="earliestSequence"/> on were added. Deliveries stored
    /// side by side (concurrent webhook posts, a redelivery) can land behind ones already read; they are read again
    /// from there.
    /// </summary>
    public void Signal(long earliestSequence)
    {
        lock (_lock)
        {
            _rewindTo = Math.Min(_rewindTo, earliestSequence - 1);
        }

        Signal();
    }

    /// <summary>Wakes the dispatcher: something was added to the inbox, or a delivery finished.</summary>
    public void Signal()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var pause = Poll;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var more = await RoundAsync(stoppingToken).ConfigureAwait(false);
                    pause = Poll;
                    if (!more)
                    {
                        await _wake.WaitAsync(Poll, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The inbox itself cannot be read or written (a full disk): the deliveries are safe there, so wait
                    // longer each time and try again rather than stop the bot.
                    LogInboxFailed(e, channel, pause.TotalSeconds);
                    await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                    pause = TimeSpan.FromSeconds(Math.Min(60, pause.TotalSeconds * 2));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        // Turns in progress finish (their chats' later deliveries stay in the inbox for the next start).
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Deletes what was handled, reads what is new and hands it to its chat; true when there may be more to read.</summary>
    private async Task<bool> RoundAsync(CancellationToken stoppingToken)
    {
        await CompleteDoneAsync(stoppingToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now >= _rescanAt)
            {
                // A held chat's retry is due: read from the start again; deliveries already taken are skipped.
                _rescanAt = DateTimeOffset.MaxValue;
                _cursor = long.MinValue;
            }

            _cursor = Math.Min(_cursor, _rewindTo);
            _rewindTo = long.MaxValue;

            if (_taken.Count >= MaxBuffered)
            {
                // Enough in hand: let the chats catch up before reading more.
                return false;
            }
        }

        var items = await inbox.PendingAsync(channel, _cursor, ReadSize, stoppingToken).ConfigureAwait(false);
        lock (_lock)
        {
            foreach (var item in items)
            {
                _cursor = Math.Max(_cursor, item.Sequence);
                if (IsHeld(item.Partition, now) || !_taken.Add(item.Sequence))
                {
                    continue;
                }

                if (!_chats.TryGetValue(item.Partition, out var queue))
                {
                    _chats[item.Partition] = queue = new Queue<InboxItem>();
                    Start(item.Partition, queue, stoppingToken);
                }

                queue.Enqueue(item);
            }
        }

        return items.Count == ReadSize;
    }

    /// <summary>A chat's worker: its deliveries one after the other until its queue is empty. Called under the lock.</summary>
    private void Start(string partition, Queue<InboxItem> queue, CancellationToken stoppingToken)
    {
        Task worker = null!;
        // The lock the caller holds keeps the worker from removing itself before it is added.
        worker = Task.Run(
            async () =>
            {
                try
                {
                    await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                    try
                    {
                        await WorkAsync(partition, queue, stoppingToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _slots.Release();
                    }
                }
                finally
                {
                    lock (_lock)
                    {
                        _running.Remove(worker);
                    }
                }
            },
            CancellationToken.None);
        _running.Add(worker);
    }

    private async Task WorkAsync(string partition, Queue<InboxItem> queue, CancellationToken stoppingToken)
    {
        while (true)
        {
            InboxItem item;
            lock (_lock)
            {
                if (!queue.TryDequeue(out item!))
                {
                    _chats.Remove(partition);
                    return;
                }
            }

            bool handled;
            try
            {
                handled = await handle(item, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                handled = false;
            }
            catch (Exception e)
            {
                LogHandlerFailed(e, item.Sequence, channel);
                handled = false;
            }

            lock (_lock)
            {
                if (handled)
                {
                    // Stays taken until deleted, so a rescan never hands it over again.
                    _done.Add(item.Sequence);
                }
                else
                {
                    // This one and the chat's later ones go back to the inbox's order; the chat waits for the retry.
                    _taken.Remove(item.Sequence);
                    while (queue.TryDequeue(out var later))
                    {
                        _taken.Remove(later.Sequence);
                    }

                    var until = time.GetUtcNow() + (FirstRetry * Math.Max(1, item.Attempts + 1));
                    _held[partition] = until;
                    _rescanAt = until < _rescanAt ? until : _rescanAt;
                    _chats.Remove(partition);
                }
            }

            Signal();
            if (!handled)
            {
                return;
            }
        }
    }

    /// <summary>Whether the chat waits for a failed delivery's retry. Called under the lock.</summary>
    private bool IsHeld(string partition, DateTimeOffset now)
    {
        if (!_held.TryGetValue(partition, out var until))
        {
            return false;
        }

        if (until > now)
        {
            // Passed over now (perhaps by another chat's rescan): a rescan must come for them when the hold ends.
            _rescanAt = until < _rescanAt ? until : _rescanAt;
            return true;
        }

        _held.Remove(partition);
        return false;
    }

    private async Task CompleteDoneAsync(CancellationToken stoppingToken)
    {
        long[] done;
        lock (_lock)
        {
            if (_done.Count == 0)
            {
                return;
            }

            done = [.. _done];
            _done.Clear();
        }

        try
        {
            await inbox.CompleteAsync(channel, done, stoppingToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _done.AddRange(done);
            }

            throw;
        }

        lock (_lock)
        {
            foreach (var sequence in done)
            {
                _taken.Remove(sequence);
            }
        }
    }
}
