namespace RecipeBot.Core.Diagnosis;

/// <summary>One example phrase: what it says, what it means, in which language.</summary>
public sealed record IntentExample(string Text, string Intent, string Language);
