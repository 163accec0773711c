namespace RecipeBot.Channels.Telegram.Api;

/// <summary>A special entity in a message text, such as a command or a mention.</summary>
/// <param name="Type">"bot_command", "mention", "text_mention", "url", …</param>
/// <param name="Offset">In UTF-16 code units, as .NET strings count.</param>
/// <param name="Length">In UTF-16 code units, as .NET strings count.</param>
public sealed record MessageEntity(string Type, int Offset, int Length)
{
    /// <summary>The mentioned user, for "text_mention" only.</summary>
    public TelegramUser? User { get; init; }
}
