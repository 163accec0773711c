namespace RecipeBot.Core.Stats;

/// <summary>Whose figures and for when: instants from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive).</summary>
public sealed record StatsQuery(string ConversationId, DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
