using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;

namespace RecipeBot.Core.Outbox;

/// <summary>
/// Drains one channel's part of the outbox through its <see cref="IChannelSender"/>: conversations in parallel, each
/// conversation's rows one after the other in the order they were written, and a row deleted only after the channel
/// confirmed it. A failed row waits for its retry and holds back the later rows of its conversation, so messages
/// never overtake each other; after a crash every row still there is sent again, so a message is never lost and is
/// sent twice only when the crash came between the channel's confirmation and the delete.
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
    private static readonly TimeSpan FullScanEvery = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _stopGrace = stopGrace ?? TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly ConcurrentQueue<long> _confirmed = new();

    // Conversations whose oldest row is waiting for its retry: their later rows wait too.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _drain = new(1, 1);
    private readonly SemaphoreSlim _capacity = new(maxInFlight, maxInFlight);
    private readonly Dictionary<string, Task<bool>> _tails = new(StringComparer.Ordinal);
    private long _cursor;
    private long _rescanAt = long.MaxValue;
    private DateTimeOffset _nextFullScan;
    private volatile bool _stopping;

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

    /// <summary>Sends everything due now and waits until each of it is confirmed or put back (the terminal's turn order).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = await DrainOnceAsync(wait: true, cancellationToken).ConfigureAwait(false);
            // Rows the background loop took a moment earlier are still on their way: wait for them too.
            var running = Running();
            if (started == 0 && running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Stopping: nothing new is handed over, the messages the channel already has get a moment to be confirmed, and
    /// what was confirmed is deleted, so a restart sends again only what the channel never took.
    /// </summary>
    private async Task StopAsync()
    {
        _stopping = true;
        try
        {
            await Task.WhenAll(Running()).WaitAsync(_stopGrace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _drain.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await CompleteConfirmedAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _drain.Release();
            }
        }
        catch (Exception e)
        {
            LogDrainFailed(e, channel.Prefix);
        }
    }

    /// <summary>One round: hands the due rows to the channel; returns how many it started.</summary>
    private async Task<int> DrainOnceAsync(bool wait, CancellationToken cancellationToken)
    {
        await _drain.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<Task<bool>> sends = [];
        try
        {
            await CompleteConfirmedAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (now.UtcTicks >= Interlocked.Read(ref _rescanAt) || now >= _nextFullScan)
            {
                // A row's retry is due (or rows were left by an earlier run): read from the start once more; rows in
                // flight are skipped, rows still waiting schedule the next rescan again.
                Interlocked.Exchange(ref _rescanAt, long.MaxValue);
                _nextFullScan = now + FullScanEvery;
                _cursor = 0;
            }

            // Rows not yet due are read too: they hold back their conversation's later rows.
            var items = await outbox.PendingAsync(channel.Prefix, _cursor, BatchSize, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                _cursor = Math.Max(_cursor, item.Id);
                if (_stopping || IsHeld(item, now) || !_inFlight.TryAdd(item.Id, 0))
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

    /// <summary>Whether <paramref name="item"/> must wait: it is not due yet, or an older row of its conversation is not.</summary>
    private bool IsHeld(OutboxItem item, DateTimeOffset now)
    {
        var conversationId = item.Message.ConversationId;
        if (item.NotBefore > now)
        {
            Hold(conversationId, item.NotBefore);
            return true;
        }

        if (_held.TryGetValue(conversationId, out var until))
        {
            if (until > now)
            {
                return true;
            }

            _held.TryRemove(new KeyValuePair<string, DateTimeOffset>(conversationId, until));
        }

        return false;
    }

    private void Hold(string conversationId, DateTimeOffset until)
    {
        _held.AddOrUpdate(conversationId, until, (_, held) => held > until ? held : until);
        var at = until.UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _rescanAt);
        }
        while (at < seen && Interlocked.CompareExchange(ref _rescanAt, at, seen) != seen);
    }

    private Task[] Running()
    {
        lock (_tails)
        {
            return [.. _tails.Values.Cast<Task>()];
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox of {Channel} could not be read; trying again shortly")]
    private partial void LogDrainFailed(Exception exception, string channel);
}
