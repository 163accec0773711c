using System.Collections.Concurrent;

namespace RecipeBot.Core.Conversations;

/// <summary>Keeps conversations in memory; stores copies so that a failed turn leaves no trace.</summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    public ValueTask<Conversation?> LoadAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_conversations.TryGetValue(conversationId, out var stored) ? stored.Clone() : null);

    public ValueTask SaveAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        _conversations[conversation.Id] = conversation.Clone();
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
}
