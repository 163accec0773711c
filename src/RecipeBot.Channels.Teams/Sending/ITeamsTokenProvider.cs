namespace RecipeBot.Channels.Teams.Sending;

/// <summary>The bearer token the bot shows the Bot Connector; null when it runs anonymously (Emulator).</summary>
public interface ITeamsTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
