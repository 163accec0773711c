namespace RecipeBot.Core.Engine;

/// <summary>The engine's answer to one turn, for a channel to render in its own format.</summary>
/// <param name="Text">Plain text with line breaks; channels escape it for their markup.</param>
/// <param name="Recipes">Ids of the recipes this message gives (empty when it gives none).</param>
/// <param name="State">The conversation's state after the turn.</param>
public sealed record OutgoingMessage(
    string ConversationId,
    string Text,
    IReadOnlyList<ChoiceView> Choices,
    IReadOnlyList<string> Recipes,
    string State,
    string Language);
