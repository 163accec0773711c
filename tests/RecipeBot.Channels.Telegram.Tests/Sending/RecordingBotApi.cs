using System.Collections.Concurrent;
using System.Text.Json;
using RecipeBot.Channels.Telegram.Client;
using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>
/// A Bot API that answers sendMessage and sendDocument at once (or after a delay a test asked for), records every request with
/// the clock's time when it started, and fails the next requests to a chat with whatever a test queued for it.
/// </summary>
internal sealed class RecordingBotApi(TimeProvider time) : ITelegramBotClient
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

    /// <summary>
    /// Answers sendMessage and sendDocument as the sender sends them (results left as raw JSON); nothing else
    /// is expected of the seam.
    /// </summary>
    public Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        var sent = request switch
        {
            RawResultRequest raw => raw.Request,
            UnreadResultRequest unread => unread.Request,
            _ => request,
        };
        var (chatId, text, keyboard, document) = sent switch
        {
            SendMessageRequest message => (message.ChatId!.Identifier!.Value, message.Text, message.ReplyMarkup as InlineKeyboardMarkup, (string?)null),
            SendDocumentRequest file => (file.ChatId!.Identifier!.Value, file.Caption ?? "", null, ((InputFileStream)file.Document).FileName),
            _ => throw new NotSupportedException($"The sender does not send {request.MethodName}."),
        };
        return SendAsync<TResponse>(chatId, text, keyboard, document, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(long chatId, string text, InlineKeyboardMarkup? keyboard, string? document, CancellationToken cancellationToken)
    {
        var delayed = _delays.TryRemove(chatId, out var delay);
        var inFlight = delayed ? Interlocked.Increment(ref _inFlight) : 0;
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            Exception? failure = null;
            if (_failures.TryGetValue(chatId, out var queue))
            {
                queue.TryDequeue(out failure);
            }

            lock (_gate)
            {
                _requests.Add(new SentRequest(time.GetUtcNow(), chatId, text, keyboard, failure, document));
            }

            if (delayed)
            {
                await Task.Delay(delay, time, cancellationToken);
            }

            if (failure is not null)
            {
                throw failure;
            }

            // The sent message, as raw JSON: what the sender asks for.
            var message = JsonSerializer.SerializeToElement(new { message_id = Interlocked.Increment(ref _lastMessageId), chat = new { id = chatId, type = "private" }, date = 0 });
            return typeof(TResponse) == typeof(UnreadResult) ? (TResponse)(object)default(UnreadResult) : (TResponse)(object)message;
        }
        finally
        {
            if (delayed)
            {
                Interlocked.Decrement(ref _inFlight);
            }
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

    public bool LocalBotServer => true;

    public long BotId => 1;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(45);

    public IExceptionParser ExceptionsParser { get; set; } = new DefaultExceptionParser();

    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest { add { } remove { } }

    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived { add { } remove { } }

    public Task<bool> TestApi(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
