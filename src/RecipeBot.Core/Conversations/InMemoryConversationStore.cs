using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Core.Conversations;

/// <summary>
/// Keeps conversations and the outbox in memory; stores copies so that a failed turn leaves no trace. A turn's
/// conversation and its outbox rows are written under one lock, as the database stores do in one transaction.
/// </summary>
public sealed class InMemoryConversationStore : IConversationStore, IOutboxStore, IPersonalDataSource
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _outboxLock = new();
    private readonly SortedDictionary<long, Row> _outbox = [];
    private long _lastId;

    public int Count => _conversations.Count;

    /// <summary>Rows still waiting to be sent.</summary>
    public int OutboxCount
    {
        get
        {
            lock (_outboxLock)
            {
                return _outbox.Count;
            }
        }
    }

    public ValueTask<Conversation?> LoadAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_conversations.TryGetValue(conversationId, out var stored) ? stored.Clone() : null);

    public ValueTask SaveAsync(Conversation conversation, IReadOnlyList<OutgoingMessage> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(outbox);
        lock (_outboxLock)
        {
            _conversations[conversation.Id] = conversation.Clone();
            Add(outbox);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ConversationActivity>> ListInactiveAsync(DateTimeOffset before, ConversationActivity? after, int max, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ConversationActivity>>(
            [.. _conversations.Values
                .Select(c => new ConversationActivity(c.Id, c.UpdatedAt))
                .Where(c => c.UpdatedAt < before && (after is null || c.UpdatedAt > after.UpdatedAt || (c.UpdatedAt == after.UpdatedAt && string.CompareOrdinal(c.Id, after.Id) > 0)))
                .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
                .Take(max)]);

    public ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        export["conversation"] = _conversations.TryGetValue(subject.ConversationId, out var stored) ? PersonalDataJson.Conversation(stored) : null;
        lock (_outboxLock)
        {
            export["outbox"] = PersonalDataJson.Array(_outbox.Values
                .Where(r => r.Message.ConversationId == subject.ConversationId)
                .Select(r => PersonalDataJson.Message(r.Message)));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.WholeConversation)
        {
            lock (_outboxLock)
            {
                _conversations.TryRemove(subject.ConversationId, out _);
                foreach (var id in _outbox.Where(r => r.Value.Message.ConversationId == subject.ConversationId).Select(r => r.Key).ToList())
                {
                    _outbox.Remove(id);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask MoveAsync(string fromId, string toId, CancellationToken cancellationToken)
    {
        if (_conversations.TryGetValue(fromId, out var stored) && _conversations.TryAdd(toId, stored.CloneAs(toId)))
        {
            _conversations.TryRemove(fromId, out _);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AddAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_outboxLock)
        {
            Add(messages);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<OutboxItem>> PendingAsync(string prefix, long afterId, int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_outboxLock)
        {
            IReadOnlyList<OutboxItem> due = [.. _outbox
                .Where(r => r.Key > afterId && r.Value.NotBefore <= now && r.Value.Message.ConversationId.StartsWith(prefix, StringComparison.Ordinal))
                .Take(max)
                .Select(r => new OutboxItem(r.Key, r.Value.Message, r.Value.Attempts, r.Value.NotBefore))];
            return ValueTask.FromResult(due);
        }
    }

    public ValueTask CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_outboxLock)
        {
            foreach (var id in ids)
            {
                _outbox.Remove(id);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> RetryLaterAsync(long id, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        lock (_outboxLock)
        {
            if (!_outbox.TryGetValue(id, out var row))
            {
                return ValueTask.FromResult(0);
            }

            _outbox[id] = row with { Attempts = row.Attempts + 1, NotBefore = notBefore };
            return ValueTask.FromResult(row.Attempts + 1);
        }
    }

    private void Add(IReadOnlyList<OutgoingMessage> messages)
    {
        foreach (var message in messages)
        {
            _outbox[++_lastId] = new Row(message, 0, DateTimeOffset.MinValue);
        }
    }

    private sealed record Row(OutgoingMessage Message, int Attempts, DateTimeOffset NotBefore);
}
