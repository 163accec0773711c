using System.Collections.Concurrent;
using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>
/// A Bot API that answers sendMessage and sendDocument at once (or after a delay a test asked for), records every request with
/// the clock's time when it started, and fails the next requests to a chat with whatever a test queued for it.
/// </summary>
internal sealed class RecordingBotApi(TimeProvider time) : ITelegramBotApi
{
    private readonly Lock _gate = new();
    private readonly List<SentRequest> _requests = [];
    private readonly ConcurrentDictionary<long, ConcurrentQueue<Exception>> _failures = new();
    private readonly ConcurrentDictionary<long, TimeSpan> _delays = new();
    private long _lastMessageId;
    private int _inFlight;
    private int _maxInFlight;

    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The most delayed requests that were unanswered at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IReadOnlyList<SentRequest> Delivered => [.. Requests.Where(request => request.Failure is null)];

    public void FailNext(long chatId, params Exception[] failures)
    {
        var queue = _failures.GetOrAdd(chatId, _ => new ConcurrentQueue<Exception>());
        foreach (var failure in failures)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>Makes the next request to <paramref name="chatId"/> take <paramref name="delay"/> of the clock's time.</summary>
    public void DelayNext(long chatId, TimeSpan delay) => _delays[chatId] = delay;

    public Task<TelegramMessage> SendMessageAsync(long chatId, string htmlText, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken) =>
        SendAsync(chatId, htmlText, replyMarkup, document: null, cancellationToken);

    public Task<TelegramMessage> SendDocumentAsync(long chatId, string fileName, ReadOnlyMemory<byte> content, string? caption, CancellationToken cancellationToken) =>
        SendAsync(chatId, caption ?? "", null, fileName, cancellationToken);

    private Task<TelegramMessage> SendAsync(long chatId, string htmlText, InlineKeyboardMarkup? replyMarkup, string? document, CancellationToken cancellationToken)
    {
        if (_delays.TryRemove(chatId, out var delay))
        {
            return AnswerLaterAsync(chatId, htmlText, replyMarkup, document, delay, cancellationToken);
        }

        Exception? failure = null;
        if (_failures.TryGetValue(chatId, out var queue))
        {
            queue.TryDequeue(out failure);
        }

        lock (_gate)
        {
            _requests.Add(new SentRequest(time.GetUtcNow(), chatId, htmlText, replyMarkup, failure, document));
        }

        return failure is null
            ? Task.FromResult(new TelegramMessage(Interlocked.Increment(ref _lastMessageId), new TelegramChat(chatId, "private"), 0))
            : Task.FromException<TelegramMessage>(failure);
    }

    private async Task<TelegramMessage> AnswerLaterAsync(long chatId, string htmlText, InlineKeyboardMarkup? replyMarkup, string? document, TimeSpan delay, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            var answer = SendAsync(chatId, htmlText, replyMarkup, document, cancellationToken);
            await Task.Delay(delay, time, cancellationToken);
            return await answer;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    public Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int timeoutSeconds, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task EditMessageReplyMarkupAsync(long chatId, long messageId, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SetWebhookAsync(string url, string secretToken, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task DeleteWebhookAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
