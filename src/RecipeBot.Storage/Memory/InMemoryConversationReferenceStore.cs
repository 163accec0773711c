using System.Collections.Concurrent;
using RecipeBot.Core.Channels;

namespace RecipeBot.Storage.Memory;

/// <summary>Conversation references in memory, for <c>Storage:Provider = memory</c> and tests; nothing survives a restart.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _references = new(StringComparer.Ordinal);

    public ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _references[reference.Id] = reference;
        return ValueTask.CompletedTask;
    }

    public ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_references.TryGetValue(conversationId, out var reference) ? reference : null);
}
