using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Memory;

/// <summary>
/// Channel bookkeeping in memory, for <c>Storage:Provider = memory</c> and tests. A chat marked inactive has its
/// meetings paused, and a migrated chat takes its meetings and plan along, as in SQLite.
/// </summary>
public sealed class InMemoryChannelStore(
    IConversationStore conversations,
    RecipeBot.Core.Meetings.IMeetingStore? meetings = null,
    TimeProvider? time = null,
    RecipeBot.Core.Plans.IPlanStore? plans = null) : IChatDirectory, ICursorStore, IInboxStore, IPersonalDataSource
{
    private readonly ConcurrentDictionary<string, bool> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _migrated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _cursors = new(StringComparer.Ordinal);
    private readonly Lock _inboxLock = new();
    private readonly Dictionary<string, SortedDictionary<long, InboxItem>> _inbox = new(StringComparer.Ordinal);

    public ValueTask<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(!_active.TryGetValue(conversationId, out var active) || active);

    public async ValueTask SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken)
    {
        _active[conversationId] = active;
        if (!active && meetings is not null)
        {
            await meetings.PauseAllAsync(conversationId, (time ?? TimeProvider.System).GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask MigrateAsync(string fromId, string toId, CancellationToken cancellationToken)
    {
        _migrated[fromId] = toId;
        _active[fromId] = false;
        await conversations.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        if (meetings is not null)
        {
            await meetings.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        }

        if (plans is not null)
        {
            await plans.MoveAsync(fromId, toId, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask<string> ResolveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var id = conversationId;
        for (var hops = 0; hops < 8 && _migrated.TryGetValue(id, out var next); hops++)
        {
            id = next;
        }

        return ValueTask.FromResult(id);
    }

    public ValueTask<long?> GetAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cursors.TryGetValue(name, out var value) ? value : (long?)null);

    public ValueTask SetAsync(string name, long value, CancellationToken cancellationToken)
    {
        _cursors[name] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> AddAsync(string channel, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        lock (_inboxLock)
        {
            var queue = Queue(channel);
            return ValueTask.FromResult(items.Count(item => queue.TryAdd(item.Sequence, item with { Attempts = 0 })));
        }
    }

    public ValueTask<IReadOnlyList<InboxItem>> PendingAsync(string channel, long afterSequence, int max, CancellationToken cancellationToken)
    {
        lock (_inboxLock)
        {
            return ValueTask.FromResult<IReadOnlyList<InboxItem>>([.. Queue(channel).Values.Where(item => item.Sequence > afterSequence).Take(max)]);
        }
    }

    public ValueTask CompleteAsync(string channel, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        lock (_inboxLock)
        {
            var queue = Queue(channel);
            foreach (var sequence in sequences)
            {
                queue.Remove(sequence);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> FailAsync(string channel, long sequence, CancellationToken cancellationToken)
    {
        lock (_inboxLock)
        {
            var queue = Queue(channel);
            if (!queue.TryGetValue(sequence, out var item))
            {
                return ValueTask.FromResult(0);
            }

            queue[sequence] = item with { Attempts = item.Attempts + 1 };
            return ValueTask.FromResult(item.Attempts + 1);
        }
    }

    private SortedDictionary<long, InboxItem> Queue(string channel)
    {
        if (!_inbox.TryGetValue(channel, out var queue))
        {
            queue = [];
            _inbox[channel] = queue;
        }

        return queue;
    }

    public ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        export["chat"] = _active.TryGetValue(subject.ConversationId, out var active) ? new JsonObject { ["active"] = active } : null;
        lock (_inboxLock)
        {
            export["inbox"] = PersonalDataJson.Array(_inbox.Values
                .SelectMany(items => items.Values)
                .Where(item => item.Partition == subject.ConversationId)
                .Select(item => PersonalDataJson.Payload(item.Payload)!));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.WholeConversation)
        {
            _active.TryRemove(subject.ConversationId, out _);
            lock (_inboxLock)
            {
                foreach (var items in _inbox.Values)
                {
                    foreach (var sequence in items.Where(i => i.Value.Partition == subject.ConversationId).Select(i => i.Key).ToList())
                    {
                        items.Remove(sequence);
                    }
                }
            }
        }

        return ValueTask.CompletedTask;
    }
}
