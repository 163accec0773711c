using System.Diagnostics;

namespace RecipeBot.LoadDriver;

/// <summary>
/// getUpdates as Telegram serves it: update ids increase in the order updates are queued; an offset confirms
/// (drops) everything below it; a call takes up to <c>limit</c> of the oldest and, with none queued, waits
/// up to its timeout for one.
/// </summary>
public sealed class UpdateQueue(LoadSession session) : IUpdateSink
{
    private readonly Lock _gate = new();
    private readonly Queue<QueuedUpdate> _updates = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastId;

    public void Deliver(SimulatedUser user)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            // Ids are handed out and queued under one lock, so they are queued in increasing order.
            var id = ++_lastId;
            byte[] json;
            lock (user.Gate)
            {
                json = user.Send(id, LoadSession.Now());
            }

            session.OnSent();
            _updates.Enqueue(new QueuedUpdate(id, json, user));
            arrived = _arrived;
        }

        arrived.TrySetResult();
    }

    /// <summary>The updates to serve; empty when the timeout passed with none queued.</summary>
    public async Task<List<QueuedUpdate>> TakeAsync(long? offset, int limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = LoadSession.Now() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                while (offset is { } confirmed && _updates.TryPeek(out var head) && head.Id < confirmed)
                {
                    _updates.Dequeue();
                }

                if (_updates.Count > 0)
                {
                    return [.. _updates.Take(limit)];
                }

                if (_arrived.Task.IsCompleted)
                {
                    _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived = _arrived.Task;
            }

            var now = LoadSession.Now();
            if (now >= deadline)
            {
                return [];
            }

            var left = Stopwatch.GetElapsedTime(now, deadline);

            try
            {
                await arrived.WaitAsync(left, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return [];
            }
        }
    }
}
