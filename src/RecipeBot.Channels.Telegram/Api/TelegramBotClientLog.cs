using Microsoft.Extensions.Logging;

namespace RecipeBot.Channels.Telegram.Api;

/// <summary>The client's log lines. None takes the request URL: it contains the token.</summary>
internal static partial class TelegramBotClientLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram {Method} answered {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string method, int status, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method} answered {Status} in {ElapsedMs} ms: {ErrorCode} {Description}")]
    public static partial void Refused(ILogger logger, string method, int status, long elapsedMs, int errorCode, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method} failed after {ElapsedMs} ms")]
    public static partial void Unreachable(ILogger logger, Exception exception, string method, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method} did not answer within {TimeoutSeconds} s")]
    public static partial void TimedOut(ILogger logger, string method, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram update {UpdateId} could not be read and is skipped")]
    public static partial void UnreadableUpdate(ILogger logger, Exception exception, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates returned an update without an id, which is skipped")]
    public static partial void UpdateWithoutId(ILogger logger, Exception exception);
}
