namespace RecipeBot.Core.Diagnosis;

public sealed record IntentScore(string Intent, float Confidence);
