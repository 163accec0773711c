using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// A thin Bot API client on <see cref="HttpClient"/>: JSON requests, multipart uploads, one error type.
/// Requests go to <c>{baseUrl}/bot{token}/{method}</c>, so a local Bot API server or an emulator can
/// stand in for https://api.telegram.org.
/// </summary>
/// <remarks>
/// The request URL contains the token, so it is never logged or put in an exception. Whoever registers
/// the <see cref="HttpClient"/> through IHttpClientFactory must remove the factory's own logging handlers
/// (<c>RemoveAllLoggers()</c>), which log request URLs.
/// </remarks>
public sealed class TelegramBotClient : ITelegramBotApi
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly string _methodUrlPrefix;
    private readonly TokenRedactor _redactor;
    private readonly ILogger _logger;

    public TelegramBotClient(HttpClient httpClient, string token, Uri baseUrl, ILogger<TelegramBotClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The Bot API base URL must be absolute, e.g. https://api.telegram.org.", nameof(baseUrl));
        }

        // Deliberately without the token's value: this message may end up in a start-up log.
        if (token.AsSpan().IndexOfAny("/?#% \t\r\n") >= 0)
        {
            throw new ArgumentException("The bot token contains characters that cannot appear in a URL path; copy it again from @BotFather.", nameof(token));
        }

        _httpClient = httpClient;
        _methodUrlPrefix = $"{baseUrl.AbsoluteUri.TrimEnd('/')}/bot{token}/";
        _redactor = new TokenRedactor(token);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How much longer than the long-poll timeout a getUpdates request may take; tests shorten it.</summary>
    internal TimeSpan LongPollGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The limit for every other call. Telegram answers in well under a second; a call hanging this long
    /// is a dead connection, and the caller is better served by a <see cref="TimeoutException"/> to retry on.
    /// </summary>
    internal TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for uploads, which may be slow on a poor link.</summary>
    internal TimeSpan UploadTimeout { get; set; } = TimeSpan.FromSeconds(120);

    public Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync<TelegramUser>("getMe", content: null, RequestTimeout, cancellationToken);

    public async Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int timeoutSeconds, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timeoutSeconds);
        ArgumentNullException.ThrowIfNull(allowedUpdates);
        var limit = TimeSpan.FromSeconds(timeoutSeconds) + LongPollGrace;
        if (_httpClient.Timeout != Timeout.InfiniteTimeSpan && _httpClient.Timeout < limit)
        {
            // Otherwise every quiet poll would end in HttpClient's own timeout, which reads like an outage.
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"HttpClient.Timeout ({_httpClient.Timeout.TotalSeconds:0.#} s) is shorter than a {timeoutSeconds} s long poll needs ({limit.TotalSeconds:0.#} s); raise it or make it infinite."));
        }

        var payload = new { Offset = offset, Timeout = timeoutSeconds, AllowedUpdates = allowedUpdates };
        var result = await CallAsync<JsonElement>("getUpdates", Json(payload), limit, cancellationToken).ConfigureAwait(false);
        return ReadUpdates(result);
    }

    public Task<TelegramMessage> SendMessageAsync(long chatId, string htmlText, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(htmlText);
        var payload = new
        {
            ChatId = chatId,
            Text = htmlText,
            ParseMode = "HTML",
            LinkPreviewOptions = new { IsDisabled = true },
            ReplyMarkup = replyMarkup,
        };
        return CallAsync<TelegramMessage>("sendMessage", Json(payload), RequestTimeout, cancellationToken);
    }

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callbackQueryId);
        var payload = new { CallbackQueryId = callbackQueryId, Text = text };
        return CallAsync<bool>("answerCallbackQuery", Json(payload), RequestTimeout, cancellationToken);
    }

    public Task EditMessageReplyMarkupAsync(long chatId, long messageId, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken)
    {
        // Leaving reply_markup out (nulls are not written) is how Telegram is told to remove the keyboard.
        var payload = new { ChatId = chatId, MessageId = messageId, ReplyMarkup = replyMarkup };
        // The result is the edited message or true, depending on the message; neither is needed.
        return CallAsync<JsonElement>("editMessageReplyMarkup", Json(payload), RequestTimeout, cancellationToken);
    }

    public Task<TelegramMessage> SendDocumentAsync(long chatId, string fileName, ReadOnlyMemory<byte> content, string? caption, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var form = new MultipartFormDataContent
        {
            { new StringContent(chatId.ToString(CultureInfo.InvariantCulture)), "chat_id" },
        };
        var file = new ReadOnlyMemoryContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "document", fileName);
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
            form.Add(new StringContent("HTML"), "parse_mode");
        }

        return CallAsync<TelegramMessage>("sendDocument", form, UploadTimeout, cancellationToken);
    }

    public Task<ChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        CallAsync<ChatMember>("getChatMember", Json(new { ChatId = chatId, UserId = userId }), RequestTimeout, cancellationToken);

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var payload = new { Commands = commands, LanguageCode = languageCode };
        return CallAsync<bool>("setMyCommands", Json(payload), RequestTimeout, cancellationToken);
    }

    public Task SetWebhookAsync(string url, string secretToken, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrEmpty(secretToken);
        ArgumentNullException.ThrowIfNull(allowedUpdates);
        // Sent explicitly: updates that queued up while switching must still be delivered.
        var payload = new { Url = url, SecretToken = secretToken, AllowedUpdates = allowedUpdates, DropPendingUpdates = false };
        return CallAsync<bool>("setWebhook", Json(payload), RequestTimeout, cancellationToken);
    }

    public Task DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync<bool>("deleteWebhook", Json(new { DropPendingUpdates = false }), RequestTimeout, cancellationToken);

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken) =>
        CallAsync<WebhookInfo>("getWebhookInfo", content: null, RequestTimeout, cancellationToken);

    private static ByteArrayContent Json(object payload)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), TelegramJson.Options));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private async Task<T> CallAsync<T>(string method, HttpContent? content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _methodUrlPrefix + method) { Content = content };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);

        var started = Stopwatch.GetTimestamp();
        int status;
        string? mediaType;
        TimeSpan? retryAfterHeader;
        byte[] body;
        try
        {
            var token = timeoutSource.Token;
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            mediaType = response.Content.Headers.ContentType?.MediaType;
            retryAfterHeader = response.Headers.RetryAfter?.Delta;
            body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Our limit or HttpClient.Timeout, whichever came first; not the caller giving up.
            var clientTimeout = _httpClient.Timeout;
            var seconds = (clientTimeout != Timeout.InfiniteTimeSpan && clientTimeout < timeout ? clientTimeout : timeout).TotalSeconds;
            TelegramBotClientLog.TimedOut(_logger, method, seconds);
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Telegram {method} did not answer within {seconds:0.#} s."), exception);
        }
        catch (HttpRequestException exception)
        {
            var safe = _redactor.Sanitize(exception);
            TelegramBotClientLog.Unreachable(_logger, safe, method, ElapsedMs(started));
            if (ReferenceEquals(safe, exception))
            {
                throw;
            }

            throw safe;
        }

        try
        {
            var result = TelegramResponseReader.Read<T>(method, status, mediaType, body, retryAfterHeader, _redactor);
            TelegramBotClientLog.Answered(_logger, method, status, ElapsedMs(started));
            return result;
        }
        catch (TelegramApiException exception)
        {
            TelegramBotClientLog.Refused(_logger, method, status, ElapsedMs(started), exception.ErrorCode, exception.Description);
            throw;
        }
    }

    private IReadOnlyList<TelegramUpdate> ReadUpdates(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new TelegramApiException("getUpdates", 200, $"the result was {result.ValueKind}, not an array of updates");
        }

        var updates = new List<TelegramUpdate>(result.GetArrayLength());
        foreach (var element in result.EnumerateArray())
        {
            try
            {
                if (element.Deserialize<TelegramUpdate>(TelegramJson.Options) is { } update)
                {
                    updates.Add(update);
                }
            }
            catch (JsonException exception)
            {
                // One odd update must not block the queue: hand back its id so the caller confirms it.
                if (element.ValueKind == JsonValueKind.Object
                    && element.TryGetProperty("update_id", out var id)
                    && id.TryGetInt64(out var updateId))
                {
                    TelegramBotClientLog.UnreadableUpdate(_logger, exception, updateId);
                    updates.Add(new TelegramUpdate(updateId));
                }
                else
                {
                    TelegramBotClientLog.UpdateWithoutId(_logger, exception);
                }
            }
        }

        return updates;
    }

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
