namespace RecipeBot.Core.Content;

/// <summary>The stable phase ids of DESIGN.md, in the order the work goes through them.</summary>
public static class Phases
{
    public const string Contact = "contact";
    public const string Planning = "planning";
    public const string Implementation = "implementation";

    public static IReadOnlyList<string> All { get; } = [Contact, Planning, Implementation];
}
