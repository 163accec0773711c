namespace RecipeBot.Channels.Telegram.Api;

/// <summary>A Telegram user or bot (<c>User</c> in the Bot API).</summary>
public sealed record TelegramUser(long Id, bool IsBot, string FirstName)
{
    public string? Username { get; init; }

    /// <summary>IETF language tag of the user's client, when Telegram knows it (e.g. "en", "ru").</summary>
    public string? LanguageCode { get; init; }
}
