using System.Text;
using System.Text.Json;

namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// Turns an HTTP answer into a result or a <see cref="TelegramApiException"/>. Whatever answered —
/// Telegram, a local Bot API server, or a proxy's HTML error page — the caller sees one exception type.
/// </summary>
internal static class TelegramResponseReader
{
    private const int MaxSnippetChars = 200;

    // Enough bytes to hold MaxSnippetChars of any text, and to redact a token that straddles the cut.
    private const int MaxSnippetBytes = 4096;

    public static T Read<T>(string method, int status, string? mediaType, byte[] body, TimeSpan? retryAfterHeader, TokenRedactor redactor)
    {
        ApiResponse<T>? envelope;
        try
        {
            envelope = body.Length == 0 ? null : JsonSerializer.Deserialize<ApiResponse<T>>(body, TelegramJson.Options);
        }
        catch (JsonException exception)
        {
            throw new TelegramApiException(method, status, Unreadable(status, mediaType, body, exception, redactor), retryAfterHeader);
        }

        if (envelope is null)
        {
            throw new TelegramApiException(method, status, NotJson(status, mediaType, body, redactor), retryAfterHeader);
        }

        var success = status is >= 200 and < 300;
        if (envelope.Ok && success)
        {
            return HasResult(envelope.Result)
                ? envelope.Result!
                : throw new TelegramApiException(method, status, "the response said ok but carried no result");
        }

        var description = envelope.Description is { Length: > 0 } text
            ? redactor.Redact(text)
            : $"HTTP {status} without a description";
        var retryAfter = envelope.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : retryAfterHeader;
        var errorCode = envelope.ErrorCode is int code && code != 0 ? code : status;
        throw new TelegramApiException(method, errorCode, description, retryAfter, envelope.Parameters?.MigrateToChatId);
    }

    private static bool HasResult<T>(T? result) => result switch
    {
        null => false,
        JsonElement element => element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null),
        _ => true,
    };

    private static string Unreadable(int status, string? mediaType, byte[] body, JsonException exception, TokenRedactor redactor)
    {
        if (!IsJson(body))
        {
            return NotJson(status, mediaType, body, redactor);
        }

        // Valid JSON in a shape we cannot read: say where, which the exception's path does.
        return redactor.Redact($"the response body is JSON but not a Bot API response this client can read (HTTP {status}): {exception.Message}");
    }

    private static string NotJson(int status, string? mediaType, byte[] body, TokenRedactor redactor)
    {
        var type = string.IsNullOrEmpty(mediaType) ? "no content type" : mediaType;
        return body.Length == 0
            ? $"the response body was empty, not JSON (HTTP {status}, {type})"
            : $"the response body was not JSON (HTTP {status}, {type}): {Snippet(body, redactor)}";
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The start of a body, on one line, without the token, short enough for a log line.</summary>
    private static string Snippet(byte[] body, TokenRedactor redactor)
    {
        var text = redactor.Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxSnippetBytes)));
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var oneLine = string.Concat(string.Join(' ', words).Where(c => !char.IsControl(c)));
        return oneLine.Length > MaxSnippetChars ? string.Concat(oneLine.AsSpan(0, MaxSnippetChars), "…") : oneLine;
    }
}
