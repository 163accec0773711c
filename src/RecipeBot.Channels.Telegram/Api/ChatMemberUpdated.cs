namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// A change of a chat member's status; as <c>my_chat_member</c> it tells that the bot itself was
/// added, blocked or removed.
/// </summary>
public sealed record ChatMemberUpdated(TelegramChat Chat, TelegramUser From, ChatMember NewChatMember)
{
    public ChatMember? OldChatMember { get; init; }

    /// <summary>Unix time in seconds.</summary>
    public long Date { get; init; }
}
