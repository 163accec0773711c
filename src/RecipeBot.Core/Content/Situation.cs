namespace RecipeBot.Core.Content;

/// <summary>What a user is stuck on (e.g. <c>contact/no-partners</c>) and the recipes that answer it.</summary>
public sealed record Situation(
    string Id,
    string Phase,
    IReadOnlyList<string> For,
    Localized<string> Title,
    IReadOnlyList<Recipe> Recipes,
    SourceLocation Location)
{
    /// <summary>How a role names the situation, where it differs (an official whose own council is reluctant).</summary>
    public IReadOnlyDictionary<string, Localized<string>> RoleTitles { get; init; } = new Dictionary<string, Localized<string>>();

    public Localized<string> TitleFor(string? role) =>
        role is not null && RoleTitles.TryGetValue(role, out var title) ? title : Title;

    /// <summary>The recipes meant for <paramref name="role"/>; all of them when none is (or no role is known).</summary>
    public IReadOnlyList<Recipe> RecipesFor(string? role)
    {
        if (role is null)
        {
            return Recipes;
        }

        var mine = Recipes.Where(r => r.For.Contains(role)).ToList();
        return mine.Count > 0 ? mine : Recipes;
    }
}
