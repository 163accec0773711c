using Microsoft.IdentityModel.Tokens;

namespace RecipeBot.Channels.Teams.Authentication;

/// <summary>A key of the OpenID metadata and the channels it endorses (the Bot Framework's <c>endorsements</c> extension).</summary>
public sealed record SigningKey(JsonWebKey Key, IReadOnlySet<string> Endorsements)
{
    public bool Endorses(string? channelId) => !string.IsNullOrEmpty(channelId) && Endorsements.Contains(channelId);
}
