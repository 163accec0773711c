namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// The Bot API refused a request (<c>ok: false</c>), or something between us and it answered with
/// something that is not a Bot API response. Never carries the bot token.
/// </summary>
public sealed class TelegramApiException : Exception
{
    public TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null, long? migrateToChatId = null)
        : base($"Telegram {method} failed: {errorCode} {description}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = retryAfter;
        MigrateToChatId = migrateToChatId;
    }

    /// <summary>The Bot API method, e.g. "sendMessage".</summary>
    public string Method { get; }

    /// <summary>Telegram's <c>error_code</c>; the HTTP status when the body was not a Bot API response.</summary>
    public int ErrorCode { get; }

    public string Description { get; }

    /// <summary>Set on 429 Too Many Requests: how long to wait before retrying.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Set when the group became a supergroup: resend to this chat id.</summary>
    public long? MigrateToChatId { get; }
}
