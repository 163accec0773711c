namespace RecipeBot.Core.Channels;

/// <summary>
/// Durable conversation references, so that a proactive message (a reminder) can reach a
/// conversation after a restart. Written by channels after they have authenticated an activity.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or replaces the reference of <see cref="ConversationReference.Id"/>.</summary>
    ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The reference of a channel-qualified conversation id, or null when none is known.</summary>
    ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Forgets the reference of the conversation (its data was erased and the farewell sent); nothing if there is none.</summary>
    ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken);
}
