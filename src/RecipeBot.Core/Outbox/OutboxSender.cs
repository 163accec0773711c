using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;

namespace RecipeBot.Core.Outbox;

/// <summary>
/// Drains one channel's part of the outbox through its <see cref="IChannelSender"/>: rows are handed over in the
/// order they were written (the channel's sender keeps each chat's order and the channel's limits), many at a time,
/// and a row is deleted only after the channel confirmed it. A failed row waits and is tried again; after a crash
/// every row still there is sent again, so a message is lost never and sent twice at most when the crash came
/// between the channel's confirmation and the delete.
/// </summary>
public sealed partial class OutboxSender(
    IOutboxStore outbox,
    IChannelSender channel,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxSender> logger,
    IChatDirectory? chats = null,
    int maxInFlight = 2048,
    TimeSpan? stopGrace = null)
{
    private const int BatchSize = 512;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FullScanEvery = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _stopGrace = stopGrace ?? TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly ConcurrentQueue<long> _confirmed = new();
    private readonly SemaphoreSlim _drain = new(1, 1);
    private readonly SemaphoreSlim _capacity = new(maxInFlight, maxInFlight);
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private long _cursor;
    private long _rescanAt = long.MaxValue;
    private DateTimeOffset _nextFullScan;

    public string Prefix => channel.Prefix;

    /// <summary>Sends until stopped: each round takes what is due, then sleeps until woken or a second passed.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int started;
                try
                {
                    started = await DrainOnceAsync(wait: false, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is away for a moment: the rows are safe there, so wait and read again.
                    LogDrainFailed(e, channel.Prefix);
                    started = 0;
                }

                if (started == 0)
                {
                    await wake.WaitAsync(Poll, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            signal.Unsubscribe(wake);
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stopping: the messages already handed to the channel get a moment to be confirmed, and what was confirmed is
    /// deleted, so a restart sends again only what the channel never took.
    /// </summary>
    private async Task StopAsync()
    {
        Task[] running;
        lock (_tails)
        {
            running = [.. _tails.Values];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(_stopGrace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await CompleteConfirmedAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogDrainFailed(e, channel.Prefix);
        }
    }

    /// <summary>Sends everything due now and waits until each of it is confirmed or put back (the terminal's turn order).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = await DrainOnceAsync(wait: true, cancellationToken).ConfigureAwait(false);
            // Rows the background loop took a moment earlier are still on their way: wait for them too.
            Task[] running;
            lock (_tails)
            {
                running = [.. _tails.Values];
            }

            if (started == 0 && running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One round: hands the due rows to the channel; returns how many it started.</summary>
    private async Task<int> DrainOnceAsync(bool wait, CancellationToken cancellationToken)
    {
        await _drain.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<Task> sends = [];
        try
        {
            await CompleteConfirmedAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (now.UtcTicks >= Interlocked.Read(ref _rescanAt) || now >= _nextFullScan)
            {
                // A row that failed is due again (or one left by an earlier run): read from the start once more;
                // rows in flight are skipped.
                Interlocked.Exchange(ref _rescanAt, long.MaxValue);
                _nextFullScan = now + FullScanEvery;
                _cursor = 0;
            }

            var items = await outbox.PendingAsync(channel.Prefix, _cursor, BatchSize, now, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                _cursor = Math.Max(_cursor, item.Id);
                if (!_inFlight.TryAdd(item.Id, 0))
                {
                    continue;
                }

                await _capacity.WaitAsync(cancellationToken).ConfigureAwait(false);
                sends.Add(Chain(item, cancellationToken));
            }
        }
        finally
        {
            _drain.Release();
        }

        if (wait && sends.Count > 0)
        {
            await Task.WhenAll(sends).ConfigureAwait(false);
            await _drain.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await CompleteConfirmedAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _drain.Release();
            }
        }

        return sends.Count;
    }

    /// <summary>
    /// Conversations in parallel, each conversation's rows one after the other in row order: the next leaves once
    /// the channel confirmed (or refused) the one before. Called under the drain lock.
    /// </summary>
    private Task Chain(OutboxItem item, CancellationToken cancellationToken)
    {
        var conversationId = item.Message.ConversationId;
        Task previous;
        lock (_tails)
        {
            previous = _tails.GetValueOrDefault(conversationId) ?? Task.CompletedTask;
        }

        var send = SendAfterAsync(previous, item, cancellationToken);
        lock (_tails)
        {
            _tails[conversationId] = send;
        }

        _ = send.ContinueWith(
            done =>
            {
                lock (_tails)
                {
                    if (_tails.TryGetValue(conversationId, out var tail) && tail == done)
                    {
                        _tails.Remove(conversationId);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return send;
    }

    private async Task SendAfterAsync(Task previous, OutboxItem item, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await SendAsync(item, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var keep = true;
        try
        {
            // Not cancelled when the bot stops: a message the channel already has is seen through to its outcome
            // (the channel's own stop settles it), so it is deleted if it went out and kept if it did not.
            var outcome = await channel.SendAsync(item.Message, CancellationToken.None).ConfigureAwait(false);
            switch (outcome)
            {
                case SendOutcome.Sent:
                    keep = false;
                    break;
                case SendOutcome.Blocked:
                    // The chat blocked or removed the bot: nothing more can reach it.
                    LogBlocked(item.Id, item.Message.ConversationId);
                    if (chats is not null)
                    {
                        await chats.SetActiveAsync(item.Message.ConversationId, false, cancellationToken).ConfigureAwait(false);
                    }

                    keep = false;
                    break;
                case SendOutcome.NoRoute:
                    LogNoRoute(item.Id, item.Message.ConversationId);
                    keep = false;
                    break;
                default:
                    await RetryLaterAsync(item, null, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the row stays and goes out after the restart.
        }
        catch (Exception e)
        {
            await RetryLaterAsync(item, e, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (keep)
            {
                _inFlight.TryRemove(item.Id, out _);
            }
            else
            {
                // Deleted in the next batch; until then it stays in flight, so it is never handed over twice.
                _confirmed.Enqueue(item.Id);
                signal.Notify();
            }

            _capacity.Release();
        }
    }

    private async Task RetryLaterAsync(OutboxItem item, Exception? error, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(item.Attempts, 16))));
        var notBefore = time.GetUtcNow() + delay;
        try
        {
            var attempts = await outbox.RetryLaterAsync(item.Id, notBefore, cancellationToken).ConfigureAwait(false);
            LogRetry(error, item.Id, item.Message.ConversationId, attempts, delay.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRetryNotRecorded(e, item.Id);
        }

        var at = notBefore.UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _rescanAt);
        }
        while (at < seen && Interlocked.CompareExchange(ref _rescanAt, at, seen) != seen);
    }

    private async Task CompleteConfirmedAsync(CancellationToken cancellationToken)
    {
        if (_confirmed.IsEmpty)
        {
            return;
        }

        var ids = new List<long>();
        while (_confirmed.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        try
        {
            await outbox.CompleteAsync(ids, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ids.ForEach(_confirmed.Enqueue);
            throw;
        }

        foreach (var id in ids)
        {
            _inFlight.TryRemove(id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox of {Channel} could not be read; trying again shortly")]
    private partial void LogDrainFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} for {ConversationId} not sent: the chat blocked the bot")]
    private partial void LogBlocked(long outboxId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} for {ConversationId} has no route on this channel; dropped")]
    private partial void LogNoRoute(long outboxId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} for {ConversationId} not sent (attempt {Attempts}); trying again in {DelaySeconds} s")]
    private partial void LogRetry(Exception? exception, long outboxId, string conversationId, int attempts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} failed and its retry could not be recorded; it is tried again after the next restart")]
    private partial void LogRetryNotRecorded(Exception exception, long outboxId);
}
