namespace RecipeBot.Core.Conversations;

/// <summary>Durable conversation state. Implementations: in memory, SQLite, later PostgreSQL.</summary>
public interface IConversationStore
{
    /// <summary>The conversation, or null when this is its first turn.</summary>
    ValueTask<Conversation?> LoadAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces the conversation and adds <paramref name="outbox"/> to the outbox, in one transaction:
    /// either the turn's state, its delivery id and its replies are all kept, or none of them.
    /// </summary>
    ValueTask SaveAsync(Conversation conversation, IReadOnlyList<Engine.OutgoingMessage> outbox, CancellationToken cancellationToken);

    /// <summary>Gives a conversation a new id (a Telegram group upgraded to a supergroup); nothing if there is none or the new id is taken.</summary>
    ValueTask MoveAsync(string fromId, string toId, CancellationToken cancellationToken);
}
