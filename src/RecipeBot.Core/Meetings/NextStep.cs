namespace RecipeBot.Core.Meetings;

/// <summary>
/// "I'll try it": a week after a user agreed to try a situation's recipes, the bot asks how it went.
/// One per conversation and situation; agreeing again moves the date.
/// </summary>
public sealed record NextStep(string ConversationId, string SituationId, DateTimeOffset DueAt, string Language);
