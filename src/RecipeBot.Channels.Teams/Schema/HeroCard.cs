namespace RecipeBot.Channels.Teams.Schema;

/// <summary>A Hero card: RecipeBot uses it for its buttons (Teams shows at most six per card).</summary>
public sealed record HeroCard(IReadOnlyList<CardAction> Buttons)
{
    public const string ContentType = "application/vnd.microsoft.card.hero";

    /// <summary>Teams renders at most this many buttons on one card.</summary>
    public const int MaxButtons = 6;

    public string? Title { get; init; }

    public string? Text { get; init; }
}
