namespace RecipeBot.Channels.Telegram.Api;

/// <summary>A message (<c>Message</c> in the Bot API), reduced to the fields the bot reads.</summary>
/// <param name="Date">Unix time in seconds; 0 for a message the bot can no longer access.</param>
public sealed record TelegramMessage(long MessageId, TelegramChat Chat, long Date)
{
    /// <summary>Null in channels.</summary>
    public TelegramUser? From { get; init; }

    public string? Text { get; init; }

    public string? Caption { get; init; }

    public IReadOnlyList<MessageEntity>? Entities { get; init; }

    public TelegramMessage? ReplyToMessage { get; init; }

    /// <summary>Set when a group became a supergroup: later messages must go to this chat id.</summary>
    public long? MigrateToChatId { get; init; }

    /// <summary>Set in the new supergroup's first message: the group it was migrated from.</summary>
    public long? MigrateFromChatId { get; init; }
}
