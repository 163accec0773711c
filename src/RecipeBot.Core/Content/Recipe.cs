namespace RecipeBot.Core.Content;

/// <summary>One piece of advice for a situation; its id starts with the situation id.</summary>
/// <param name="Summary">One line: what the recipe is about, shown in the situation's overview.</param>
/// <param name="Cards">Reference cards (<c>cards.yaml</c>) offered with the recipe.</param>
public sealed record Recipe(
    string Id,
    string SituationId,
    IReadOnlyList<string> For,
    bool RegularMeetings,
    IReadOnlyList<string> Methods,
    Localized<string> Title,
    Localized<string> Summary,
    Localized<IReadOnlyList<string>> Steps,
    SourceLocation Location)
{
    public IReadOnlyList<string> Cards { get; init; } = [];

    /// <summary>The last part of the id: unique within its situation, short enough for a button.</summary>
    public string Slug => Id[(Id.LastIndexOf('/') + 1)..];
}
