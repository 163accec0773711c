namespace RecipeBot.Channels.Teams.Authentication;

/// <summary>Who sent a request, as far as its token says: the connector it names and the channels its key endorses.</summary>
public sealed record BotFrameworkIdentity(bool IsAnonymous, string? ServiceUrl, SigningKey? Key)
{
    public static BotFrameworkIdentity Anonymous { get; } = new(true, null, null);
}
