namespace RecipeBot.Core.Stats;

/// <param name="Kind"><see cref="ActivityKinds"/>.</param>
/// <param name="Subject">What it was about: a situation id.</param>
public sealed record ActivityEvent(string ConversationId, string Kind, string Subject, DateTimeOffset At);
