namespace RecipeBot.Channels.Teams.Schema;

/// <summary>An entity of an activity; RecipeBot reads mentions (<c>type: mention</c>).</summary>
public sealed record Entity(string? Type)
{
    public const string MentionType = "mention";

    /// <summary>Who is mentioned (mentions only).</summary>
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>The mention as it appears in the text, e.g. <c>&lt;at&gt;RecipeBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }
}
