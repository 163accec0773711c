namespace RecipeBot.Core.Stats;

public static class ActivityKinds
{
    /// <summary>The bot recognised a situation and showed its recipes.</summary>
    public const string SituationDiagnosed = "situation-diagnosed";

    /// <summary>"I'll try this" under a situation's recipes.</summary>
    public const string RecipeTried = "recipe-tried";
}
