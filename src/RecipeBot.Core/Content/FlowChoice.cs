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
    SourceLocation Location);
