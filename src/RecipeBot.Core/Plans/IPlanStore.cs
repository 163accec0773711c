namespace RecipeBot.Core.Plans;

/// <summary>Action plans, one per conversation.</summary>
public interface IPlanStore
{
    /// <summary>The conversation's plan; null when it has none.</summary>
    ValueTask<Plan?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the conversation's plan.</summary>
    ValueTask SaveAsync(Plan plan, CancellationToken cancellationToken);

    ValueTask DeleteAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Gives the plan of <paramref name="fromConversationId"/> the new conversation id (a group became a supergroup); a plan the new id already has is kept.</summary>
    ValueTask MoveAsync(string fromConversationId, string toConversationId, CancellationToken cancellationToken);

    /// <summary>Every plan, oldest first: what the check-in catch-up and the figures (<c>/stats</c>) read.</summary>
    ValueTask<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken);
}
