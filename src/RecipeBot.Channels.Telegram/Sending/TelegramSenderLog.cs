using Microsoft.Extensions.Logging;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>The outbound queue's log lines. None takes message text: chats are private.</summary>
internal static partial class TelegramSenderLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram chat {ChatId}: attempt {Attempt} failed with {ErrorCode}; retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, Exception exception, long chatId, int attempt, int errorCode, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram chat {ChatId}: message dropped after {Attempts} attempts, the last failing with {ErrorCode}")]
    public static partial void GaveUp(ILogger logger, Exception exception, long chatId, int attempts, int errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram chat {ChatId}: message refused with {ErrorCode} ({Description}) and dropped")]
    public static partial void Refused(ILogger logger, Exception exception, long chatId, int errorCode, string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram chat {ChatId}: attempt {Attempt} failed unexpectedly; message dropped")]
    public static partial void Failed(ILogger logger, Exception exception, long chatId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId} blocked or removed the bot ({ErrorCode}); marked inactive, {Dropped} queued messages dropped")]
    public static partial void Blocked(ILogger logger, long chatId, int errorCode, int dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId} migrated to {NewChatId}; its queue follows")]
    public static partial void Migrated(ILogger logger, long chatId, long newChatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram chat {ChatId}: the chat directory could not be updated")]
    public static partial void DirectoryFailed(ILogger logger, Exception exception, long chatId);
}
