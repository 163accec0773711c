namespace RecipeBot.Channels.Telegram.Api;

/// <summary>A chat (<c>Chat</c> in the Bot API).</summary>
/// <param name="Id">64-bit: supergroup and channel ids look like -1001234567890.</param>
/// <param name="Type">"private", "group", "supergroup" or "channel".</param>
public sealed record TelegramChat(long Id, string Type)
{
    public string? Title { get; init; }

    public string? Username { get; init; }
}
