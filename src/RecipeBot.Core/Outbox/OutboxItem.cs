using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Outbox;

/// <summary>A message waiting in the outbox: its row id (the order it was written in), the message and how often sending it failed.</summary>
public sealed record OutboxItem(long Id, OutgoingMessage Message, int Attempts);
