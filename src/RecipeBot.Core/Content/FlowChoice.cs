namespace RecipeBot.Core.Content;

/// <summary>
/// One button of a state. <see cref="Id"/> is what the button sends back (Telegram
/// <c>callback_data</c>, a Teams card value), so it stays short and stable.
/// </summary>
public sealed record FlowChoice(
    string Id,
    string? LabelKey,
    string? SituationLabel,
    string? MethodId,
    ChoiceAction Action,
    string? Goto,
    IReadOnlyDictionary<string, string> Set,
    SourceLocation Location)
{
    /// <summary>The recipe a <see cref="ChoiceAction.ShowRecipe"/> choice opens.</summary>
    public string? RecipeId { get; init; }

    /// <summary>The reference card a <see cref="ChoiceAction.ShowCard"/> choice opens.</summary>
    public string? CardId { get; init; }
}
