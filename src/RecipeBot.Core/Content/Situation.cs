namespace RecipeBot.Core.Content;

/// <summary>What a user is stuck on (e.g. <c>contact/no-partners</c>) and the recipes that answer it.</summary>
public sealed record Situation(
    string Id,
    string Phase,
    IReadOnlyList<string> For,
    Localized<string> Title,
    IReadOnlyList<Recipe> Recipes,
    SourceLocation Location);
