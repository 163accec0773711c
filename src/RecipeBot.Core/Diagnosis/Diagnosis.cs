namespace RecipeBot.Core.Diagnosis;

/// <summary>What a message most likely means, how sure the model is, the runners-up and the language it is written in.</summary>
public sealed record Diagnosis(string Intent, float Confidence, IReadOnlyList<IntentScore> Alternatives, string Language);
