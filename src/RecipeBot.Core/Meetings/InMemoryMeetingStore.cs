using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Core.Meetings;

/// <summary>
/// Meetings and the ledger in memory: for tests and the storage-less terminal. Reminders are queued in
/// <paramref name="outbox"/>; without one this store can keep meetings but not send their reminders.
/// </summary>
public sealed class InMemoryMeetingStore(IOutboxStore? outbox = null) : IMeetingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Meeting> _meetings = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), NextStep> _steps = [];
    private readonly Dictionary<string, LedgerEntry> _ledger = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _queueGate = new(1, 1);

    public ValueTask SaveAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _meetings[meeting.Id] = meeting;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<Meeting?> GetAsync(string meetingId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_meetings.GetValueOrDefault(meetingId));
        }
    }

    public ValueTask<IReadOnlyList<Meeting>> ListAsync(string conversationId, CancellationToken cancellationToken) =>
        Select(m => m.ConversationId == conversationId && m.Status != MeetingStatus.Cancelled);

    public ValueTask<IReadOnlyList<Meeting>> ListAllAsync(string conversationId, CancellationToken cancellationToken) =>
        Select(m => m.ConversationId == conversationId);

    public ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<LedgerEntry>>(
                [.. _ledger.Values.Where(e => e.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal)]);
        }
    }

    public ValueTask EraseAsync(IReadOnlyList<string> meetingIds, string? nextStepsOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetingIds);
        lock (_gate)
        {
            var prefixes = meetingIds.Select(NotificationKeys.MeetingPrefix).ToList();
            foreach (var id in meetingIds)
            {
                _meetings.Remove(id);
            }

            if (nextStepsOf is not null)
            {
                prefixes.Add(NotificationKeys.NextStepPrefix(nextStepsOf));
                foreach (var key in _steps.Keys.Where(k => k.Item1 == nextStepsOf).ToList())
                {
                    _steps.Remove(key);
                }
            }

            foreach (var key in _ledger.Keys.Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
            {
                _ledger.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<Meeting>> ListActiveAsync(CancellationToken cancellationToken) =>
        Select(m => m.Status == MeetingStatus.Active);

    public ValueTask<IReadOnlyList<Meeting>> PauseAllAsync(string conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var paused = _meetings.Values
                .Where(m => m.ConversationId == conversationId && m.Status == MeetingStatus.Active)
                .OrderBy(m => m.CreatedAt)
                .Select(m => m with { Status = MeetingStatus.Paused, UpdatedAt = now })
                .ToList();
            foreach (var meeting in paused)
            {
                _meetings[meeting.Id] = meeting;
            }

            return ValueTask.FromResult<IReadOnlyList<Meeting>>(paused);
        }
    }

    public ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var meeting in _meetings.Values.Where(m => m.ConversationId == fromConversationId).ToList())
            {
                _meetings[meeting.Id] = meeting with { ConversationId = toConversationId };
            }

            foreach (var (key, step) in _steps.Where(s => s.Key.Item1 == fromConversationId).ToList())
            {
                // As in SQLite: a prompt the new conversation already has is kept.
                _steps.Remove(key);
                _steps.TryAdd((toConversationId, key.Item2), step with { ConversationId = toConversationId });
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SaveNextStepAsync(NextStep step, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _steps[(step.ConversationId, step.SituationId)] = step;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<NextStep?> GetNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_steps.GetValueOrDefault((conversationId, situationId)));
        }
    }

    public ValueTask DeleteNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _steps.Remove((conversationId, situationId));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<NextStep>> ListNextStepsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<NextStep>>([.. _steps.Values.OrderBy(s => s.DueAt)]);
        }
    }

    public ValueTask<bool> TryClaimAsync(string key, string ownerId, DateTimeOffset dueAt, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_ledger.TryAdd(key, new LedgerEntry(key, ownerId, dueAt, status, now)));
        }
    }

    public ValueTask<bool> TryTakeOverAsync(string key, string ownerId, DateTimeOffset staleBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_ledger.TryGetValue(key, out var entry) && entry.Status == NotificationStatus.Pending
                && (entry.OwnerId == ownerId || entry.UpdatedAt <= staleBefore))
            {
                _ledger[key] = entry with { OwnerId = ownerId, UpdatedAt = now };
                return ValueTask.FromResult(true);
            }

            return ValueTask.FromResult(false);
        }
    }

    public async ValueTask<bool> QueueAsync(string key, NotificationStatus status, DateTimeOffset now, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (outbox is null)
        {
            throw new InvalidOperationException("This meeting store has no outbox to queue reminders in.");
        }

        // One queueing at a time, so two callers never both see the key Pending and both write a row; the row
        // goes first, so a failed write leaves the ledger as it was.
        await _queueGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                if (!_ledger.TryGetValue(key, out var entry) || entry.Status != NotificationStatus.Pending)
                {
                    return false;
                }
            }

            await outbox.AddAsync([message], cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _ledger[key] = _ledger[key] with { Status = status, UpdatedAt = now };
            }

            return true;
        }
        finally
        {
            _queueGate.Release();
        }
    }

    public ValueTask CompleteAsync(string key, NotificationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_ledger.TryGetValue(key, out var entry) && entry.Status == NotificationStatus.Pending)
            {
                _ledger[key] = entry with { Status = status, UpdatedAt = now };
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<NotificationStatus?> GetStatusAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_ledger.TryGetValue(key, out var entry) ? entry.Status : (NotificationStatus?)null);
        }
    }

    public ValueTask<IReadOnlyList<LedgerEntry>> ListPendingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<LedgerEntry>>(
                [.. _ledger.Values.Where(e => e.Status == NotificationStatus.Pending).OrderBy(e => e.UpdatedAt)]);
        }
    }

    private ValueTask<IReadOnlyList<Meeting>> Select(Func<Meeting, bool> predicate)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Meeting>>([.. _meetings.Values.Where(predicate).OrderBy(m => m.CreatedAt)]);
        }
    }
}
