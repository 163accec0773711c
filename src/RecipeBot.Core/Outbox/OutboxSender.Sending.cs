using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;

namespace RecipeBot.Core.Outbox;

/// <summary>Handing one row to the channel, and what its outcome does to the row.</summary>
public sealed partial class OutboxSender
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Conversations in parallel, each conversation's rows one after the other in row order: the next leaves once the
    /// channel confirmed (or refused for good) the one before; after a failure the rest wait for its retry. Called
    /// under the drain lock.
    /// </summary>
    private Task<bool> Chain(OutboxItem item, CancellationToken cancellationToken)
    {
        var conversationId = item.Message.ConversationId;
        Task<bool> previous;
        lock (_tails)
        {
            previous = _tails.GetValueOrDefault(conversationId) ?? Task.FromResult(true);
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

    /// <summary>Sends <paramref name="item"/> once the row before it is through; true when the row is done with.</summary>
    private async Task<bool> SendAfterAsync(Task<bool> previous, OutboxItem item, CancellationToken cancellationToken)
    {
        await ((Task)previous).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var goOn = previous.IsCompletedSuccessfully && previous.Result;
        if (!goOn || _stopping)
        {
            // The row before waits for its retry (or the bot is stopping): this one keeps its place behind it.
            Release(item, done: false);
            return false;
        }

        return await SendAsync(item, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var done = false;
        try
        {
            // Not cancelled when the bot stops: a message the channel already has is seen through to its outcome
            // (the channel's own stop settles it), so it is deleted if it went out and kept if it did not.
            var outcome = await channel.SendAsync(item.Message, CancellationToken.None).ConfigureAwait(false);
            switch (outcome)
            {
                case SendOutcome.Sent:
                    done = true;
                    break;
                case SendOutcome.Blocked:
                    // The chat blocked or removed the bot: nothing more can reach it.
                    LogBlocked(item.Id, item.Message.ConversationId);
                    if (chats is not null)
                    {
                        await chats.SetActiveAsync(item.Message.ConversationId, false, cancellationToken).ConfigureAwait(false);
                    }

                    done = true;
                    break;
                case SendOutcome.NoRoute:
                    LogNoRoute(item.Id, item.Message.ConversationId);
                    done = true;
                    break;
                case SendOutcome.Rejected:
                    // Retrying a bad request would only hold the conversation's later messages back for ever.
                    LogRejected(item.Id, item.Message.ConversationId);
                    done = true;
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
            Release(item, done);
        }

        return done;
    }

    /// <summary>A done row is deleted in the next batch and stays in flight until then, so it is never handed over twice.</summary>
    private void Release(OutboxItem item, bool done)
    {
        if (done)
        {
            _confirmed.Enqueue(item.Id);
            signal.Notify();
        }
        else
        {
            _inFlight.TryRemove(item.Id, out _);
        }

        _capacity.Release();
    }

    private async Task RetryLaterAsync(OutboxItem item, Exception? error, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(item.Attempts + 1, 16))));
        var notBefore = time.GetUtcNow() + delay;
        Hold(item.Message.ConversationId, notBefore);
        try
        {
            var attempts = await outbox.RetryLaterAsync(item.Id, notBefore, cancellationToken).ConfigureAwait(false);
            LogRetry(error, item.Id, item.Message.ConversationId, attempts, delay.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRetryNotRecorded(e, item.Id);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} for {ConversationId} not sent: the chat blocked the bot")]
    private partial void LogBlocked(long outboxId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} for {ConversationId} has no route on this channel; dropped")]
    private partial void LogNoRoute(long outboxId, string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} for {ConversationId} was refused by the channel for good; dropped")]
    private partial void LogRejected(long outboxId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} for {ConversationId} not sent (attempt {Attempts}); trying again in {DelaySeconds} s")]
    private partial void LogRetry(Exception? exception, long outboxId, string conversationId, int attempts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} failed and its retry could not be recorded; it is tried again after the next restart")]
    private partial void LogRetryNotRecorded(Exception exception, long outboxId);
}
