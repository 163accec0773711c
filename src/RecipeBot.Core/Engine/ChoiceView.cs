namespace RecipeBot.Core.Engine;

/// <summary>A button as the user sees it: the id it sends back and its label in the user's language.</summary>
public sealed record ChoiceView(string Id, string Label);
