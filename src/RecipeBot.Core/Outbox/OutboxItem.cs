using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Outbox;

/// <summary>
/// A message waiting in the outbox: its row id (the order it was written in), the message, how often sending it
/// failed, and when it may be tried again (<see cref="DateTimeOffset.MinValue"/> for a row never tried).
/// </summary>
public sealed record OutboxItem(long Id, OutgoingMessage Message, int Attempts, DateTimeOffset NotBefore = default);
