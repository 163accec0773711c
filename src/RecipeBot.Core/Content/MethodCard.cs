namespace RecipeBot.Core.Content;

/// <summary>A card on co-creation framing or a meeting method (World Café, Open Space …).</summary>
public sealed record MethodCard(
    string Id,
    Localized<string> Title,
    Localized<string> Summary,
    Localized<IReadOnlyList<string>> Steps,
    SourceLocation Location)
{
    /// <summary>What people call the method, in any language ("maailmakohvik", "world cafe"): typed, it opens the card.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
}
