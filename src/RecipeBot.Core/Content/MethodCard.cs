namespace RecipeBot.Core.Content;

/// <summary>A card on co-creation framing or a meeting method (World Café, Open Space …).</summary>
public sealed record MethodCard(
    string Id,
    Localized<string> Title,
    Localized<string> Summary,
    Localized<IReadOnlyList<string>> Steps,
    SourceLocation Location);
