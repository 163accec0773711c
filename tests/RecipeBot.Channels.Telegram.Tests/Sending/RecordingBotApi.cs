using System.Collections.Concurrent;
using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>
/// A Bot API that answers sendMessage at once, records every request with the clock's time, and fails the
/// next requests to a chat with whatever a test queued for it.
/// </summary>
internal sealed class RecordingBotApi(TimeProvider time) : ITelegramBotApi
{
    private readonly Lock _gate = new();
    private readonly List<SentRequest> _requests = [];
    private readonly ConcurrentDictionary<long, ConcurrentQueue<Exception>> _failures = new();
    private long _lastMessageId;

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

    public IReadOnlyList<SentRequest> Delivered => [.. Requests.Where(request => request.Failure is null)];

    public void FailNext(long chatId, params Exception[] failures)
    {
        var queue = _failures.GetOrAdd(chatId, _ => new ConcurrentQueue<Exception>());
        foreach (var failure in failures)
        {
            queue.Enqueue(failure);
        }
    }

    public Task<TelegramMessage> SendMessageAsync(long chatId, string htmlText, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        if (_failures.TryGetValue(chatId, out var queue))
        {
            queue.TryDequeue(out failure);
        }

        lock (_gate)
        {
            _requests.Add(new SentRequest(time.GetUtcNow(), chatId, htmlText, replyMarkup, failure));
        }

        return failure is null
            ? Task.FromResult(new TelegramMessage(Interlocked.Increment(ref _lastMessageId), new TelegramChat(chatId, "private"), 0))
            : Task.FromException<TelegramMessage>(failure);
    }

    public Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int timeoutSeconds, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task EditMessageReplyMarkupAsync(long chatId, long messageId, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<TelegramMessage> SendDocumentAsync(long chatId, string fileName, ReadOnlyMemory<byte> content, string? caption, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SetWebhookAsync(string url, string secretToken, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task DeleteWebhookAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
