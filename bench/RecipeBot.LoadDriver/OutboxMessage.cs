namespace RecipeBot.LoadDriver;

/// <summary>A message the fake Bot API accepted; <paramref name="ArrivedAt"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
public readonly record struct OutboxMessage(long ChatId, string Text, long ArrivedAt);
