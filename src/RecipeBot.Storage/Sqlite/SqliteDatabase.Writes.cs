using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace RecipeBot.Storage.Sqlite;

/// <summary>
/// Group commit: each write is queued, and whoever gets the connection next commits every write queued by then in
/// one transaction. Under load dozens of turns share one commit (one WAL append instead of one per turn); alone, a
/// write is its own transaction as before. A write that throws rolls its batch back, and the batch is then written
/// one by one, so only the failing write fails. A write returns once it is committed.
/// </summary>
public sealed partial class SqliteDatabase
{
    private const int MaxBatch = 256;
    private readonly ConcurrentQueue<PendingWrite> _writes = new();
    private long _commits;

    /// <summary>Transactions committed for writes so far (each may carry many writes).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Runs <paramref name="work"/> (statements over <paramref name="commands"/>) in a committed transaction.</summary>
    internal async ValueTask WriteAsync(Action work, CancellationToken cancellationToken, params SqliteCommand[] commands)
    {
        var write = new PendingWrite(work, commands);
        _writes.Enqueue(write);
        // Each round commits the head of the queue (at most MaxBatch writes), so a write behind a long queue is
        // reached after a few rounds even when every writer ahead of it has gone.
        while (!write.Done.Task.IsCompleted)
        {
            try
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (write.TryCancel())
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                // Another writer had already taken it into its transaction: its outcome is this write's.
                break;
            }

            try
            {
                if (!write.Done.Task.IsCompleted)
                {
                    CommitQueued();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        await write.Done.Task.ConfigureAwait(false);
    }

    /// <summary>As <see cref="WriteAsync(Action, CancellationToken, SqliteCommand[])"/>, returning what the write returned.</summary>
    internal async ValueTask<T> WriteAsync<T>(Func<T> work, CancellationToken cancellationToken, params SqliteCommand[] commands)
    {
        T result = default!;
        await WriteAsync(() => { result = work(); }, cancellationToken, commands).ConfigureAwait(false);
        return result;
    }

    /// <summary>Commits what is queued. Called holding the gate.</summary>
    private void CommitQueued()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && _writes.TryDequeue(out var write))
        {
            if (write.TryTake())
            {
                batch.Add(write);
            }
        }

        try
        {
            Commit(batch);
            batch.ForEach(write => write.Done.TrySetResult());
        }
        catch (Exception) when (batch.Count > 1)
        {
            // All of it was rolled back: one by one now, so that only the write at fault fails.
            foreach (var write in batch)
            {
                try
                {
                    Commit([write]);
                    write.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    write.Done.TrySetException(e);
                }
            }
        }
        catch (Exception e)
        {
            batch.ForEach(write => write.Done.TrySetException(e));
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        using var transaction = Connection.BeginTransaction();
        try
        {
            foreach (var write in batch)
            {
                foreach (var command in write.Commands)
                {
                    command.Transaction = transaction;
                }

                write.Work();
            }

            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        finally
        {
            foreach (var write in batch)
            {
                foreach (var command in write.Commands)
                {
                    command.Transaction = null;
                }
            }
        }
    }

    private sealed class PendingWrite(Action work, SqliteCommand[] commands)
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int Cancelled = 2;
        private int _state;

        public Action Work { get; } = work;

        public SqliteCommand[] Commands { get; } = commands;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True when the write is now in a transaction's hands; false when its caller gave up first.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        /// <summary>True when the caller gave up before any transaction took the write: it will never be written.</summary>
        public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
    }
}
