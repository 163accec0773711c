namespace RecipeBot.Core.Content;

/// <summary>One piece of advice for a situation; its id starts with the situation id.</summary>
public sealed record Recipe(
    string Id,
    string SituationId,
    IReadOnlyList<string> For,
    bool RegularMeetings,
    IReadOnlyList<string> Methods,
    Localized<string> Title,
    Localized<IReadOnlyList<string>> Steps,
    SourceLocation Location);
