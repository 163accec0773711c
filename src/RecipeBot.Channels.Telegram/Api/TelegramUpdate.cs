namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// An incoming update. At most one of the payloads is set; update kinds the bot does not read
/// (polls, reactions, …) arrive with all of them null, and the caller skips them after confirming the id.
/// </summary>
public sealed record TelegramUpdate(long UpdateId)
{
    public TelegramMessage? Message { get; init; }

    public TelegramMessage? EditedMessage { get; init; }

    public TelegramMessage? ChannelPost { get; init; }

    public CallbackQuery? CallbackQuery { get; init; }

    public ChatMemberUpdated? MyChatMember { get; init; }
}
