using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Memory;

/// <summary>Conversation references in memory, for <c>Storage:Provider = memory</c> and tests; nothing survives a restart.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore, IPersonalDataSource
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

    public ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        _references.TryRemove(conversationId, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        export["conversationReference"] = _references.TryGetValue(subject.ConversationId, out var reference) ? JsonSerializer.SerializeToNode(reference) : null;
        return ValueTask.CompletedTask;
    }

    /// <summary>As in SQLite: the reference goes, or, while a farewell is to be sent or in a group, the user's id and name.</summary>
    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.WholeConversation && !subject.FarewellFollows)
        {
            return DeleteAsync(subject.ConversationId, cancellationToken);
        }

        if (_references.TryGetValue(subject.ConversationId, out var reference) && (subject.WholeConversation || reference.UserId == subject.UserId))
        {
            _references[subject.ConversationId] = reference with { UserId = null, UserName = null };
        }

        return ValueTask.CompletedTask;
    }
}
