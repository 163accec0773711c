namespace RecipeBot.Core.CloseOuts;

/// <summary>One decision of a meeting; <paramref name="CommitmentId"/> links it to a commitment of the action plan when it is about one.</summary>
public sealed record CloseOutDecision(string Text, string? CommitmentId = null);
