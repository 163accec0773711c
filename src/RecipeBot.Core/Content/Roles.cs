namespace RecipeBot.Core.Content;

/// <summary>The stable role ids of DESIGN.md.</summary>
public static class Roles
{
    public const string Official = "official";
    public const string Activist = "activist";
    public const string Coordinator = "coordinator";

    public static IReadOnlyList<string> All { get; } = [Official, Activist, Coordinator];
}
