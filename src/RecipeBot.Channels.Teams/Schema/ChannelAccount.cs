namespace RecipeBot.Channels.Teams.Schema;

/// <summary>A user or bot: Teams ids look like <c>29:1abc…</c> (users) and <c>28:{app id}</c> (bots).</summary>
public sealed record ChannelAccount(string? Id, string? Name = null)
{
    /// <summary>The user's Microsoft Entra object id (Teams only).</summary>
    public string? AadObjectId { get; init; }
}
