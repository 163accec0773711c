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

    /// <summary>
    /// Conversations whose last turn was before <paramref name="before"/>, least recently active first, after
    /// <paramref name="after"/> in that order (null: from the first), at most <paramref name="max"/>.
    /// </summary>
    ValueTask<IReadOnlyList<ConversationActivity>> ListInactiveAsync(DateTimeOffset before, ConversationActivity? after, int max, CancellationToken cancellationToken);

    /// <summary>Gives a conversation a new id (a Telegram group upgraded to a supergroup); nothing if there is none or the new id is taken.</summary>
    ValueTask MoveAsync(string fromId, string toId, CancellationToken cancellationToken);
}

/// <summary>When a conversation last had a turn.</summary>
public sealed record ConversationActivity(string Id, DateTimeOffset UpdatedAt);
