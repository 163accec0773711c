namespace RecipeBot.LoadDriver;

/// <summary>An update waiting in the fake for getUpdates, already rendered as JSON.</summary>
public sealed record QueuedUpdate(long Id, byte[] Json, SimulatedUser User);
