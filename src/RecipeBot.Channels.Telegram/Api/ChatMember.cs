namespace RecipeBot.Channels.Telegram.Api;

/// <summary>A member of a chat, reduced to what tells whether the bot may still write there and whether a user administers it.</summary>
/// <param name="Status">"creator", "administrator", "member", "restricted", "left" or "kicked".</param>
public sealed record ChatMember(string Status)
{
    public TelegramUser? User { get; init; }
}
