namespace RecipeBot.Channels.Teams.Schema;

/// <summary>A card or a file in an activity.</summary>
public sealed record Attachment(string ContentType, object? Content);
