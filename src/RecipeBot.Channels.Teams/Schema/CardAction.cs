namespace RecipeBot.Channels.Teams.Schema;

/// <summary>
/// A card button. RecipeBot uses <c>messageBack</c>: the chat shows <see cref="DisplayText"/> (the
/// label) as the user's message, while the bot receives <see cref="Text"/> and <see cref="Value"/>
/// (the choice id) — also in channels, without a mention.
/// </summary>
public sealed record CardAction(string Type, string Title)
{
    public const string MessageBack = "messageBack";
    public const string ImBack = "imBack";

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public object? Value { get; init; }
}
