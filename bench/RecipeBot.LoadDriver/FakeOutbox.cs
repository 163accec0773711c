using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RecipeBot.LoadDriver;

/// <summary>
/// The fake Bot API's sendMessage and sendDocument when Telegram's limits are enforced: a message that would make
/// more than <see cref="GlobalPerSecond"/> in any 1 s overall, or a second one to a chat within
/// <see cref="PerChatInterval"/>, is refused with 429 and <c>retry_after</c>, as Telegram does. Counted by when
/// the request arrives (before any <c>--api-latency-ms</c> hold of the answer); only accepted messages count.
/// Every accepted message is kept: chat, text and arrival.
/// </summary>
public sealed class FakeOutbox(int globalPerSecond = 30, TimeSpan? perChatInterval = null)
{
    private static readonly long Second = Stopwatch.Frequency;

    private readonly Lock _gate = new();
    private readonly Queue<long> _lastSecond = new();
    private readonly Dictionary<long, long> _lastByChat = [];
    private readonly List<OutboxMessage> _accepted = [];
    private readonly long _perChat = (long)((perChatInterval ?? TimeSpan.FromSeconds(1)).TotalSeconds * Stopwatch.Frequency);
    private long _globalRefusals;
    private long _chatRefusals;
    private long _messageIds;

    public int GlobalPerSecond { get; } = globalPerSecond;

    public TimeSpan PerChatInterval { get; } = perChatInterval ?? TimeSpan.FromSeconds(1);

    public long GlobalRefusals => Interlocked.Read(ref _globalRefusals);

    public long ChatRefusals => Interlocked.Read(ref _chatRefusals);

    /// <summary>429 answers given.</summary>
    public long Refusals => GlobalRefusals + ChatRefusals;

    public int AcceptedCount
    {
        get
        {
            lock (_gate)
            {
                return _accepted.Count;
            }
        }
    }

    /// <summary>The accepted messages so far, in arrival order.</summary>
    public IReadOnlyList<OutboxMessage> Accepted()
    {
        lock (_gate)
        {
            return [.. _accepted];
        }
    }

    /// <summary>
    /// Accepts the message, or returns how long the sender must wait. The arrival is read under the lock, so the
    /// messages are checked (and kept) in the order of their arrival times.
    /// </summary>
    public TimeSpan? TryAccept(long chatId, string text)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            while (_lastSecond.Count > 0 && now - _lastSecond.Peek() >= Second)
            {
                _lastSecond.Dequeue();
            }

            if (_lastByChat.TryGetValue(chatId, out var last) && now - last < _perChat)
            {
                _chatRefusals++;
                return Stopwatch.GetElapsedTime(now, last + _perChat);
            }

            if (_lastSecond.Count >= GlobalPerSecond)
            {
                _globalRefusals++;
                return Stopwatch.GetElapsedTime(now, _lastSecond.Peek() + Second);
            }

            _lastSecond.Enqueue(now);
            _lastByChat[chatId] = now;
            _accepted.Add(new OutboxMessage(chatId, text, now));
            return null;
        }
    }

    /// <summary>Answers a sendMessage or sendDocument; <paramref name="delay"/> holds the answer after the request was counted.</summary>
    public async Task HandleAsync(HttpContext context, string method, TimeSpan delay)
    {
        var (chatId, text) = method == "sendDocument"
            ? await DocumentAsync(context.Request).ConfigureAwait(false)
            : await FakeBotApi.ReadAsync(context.Request, RequestJson.SendMessageText).ConfigureAwait(false);
        var retry = TryAccept(chatId, text);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        }

        if (retry is { } wait)
        {
            // Telegram's retry_after is whole seconds, at least 1.
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var refusal = string.Create(
                CultureInfo.InvariantCulture,
                $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{seconds}}}","parameters":{"retry_after":{{{seconds}}}}}""");
            await FakeBotApi.WriteAsync(context, Encoding.UTF8.GetBytes(refusal), StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
            return;
        }

        var messageId = Interlocked.Increment(ref _messageIds);
        var answer = string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"ok":true,"result":{"message_id":{{{messageId}}},"chat":{"id":{{{chatId}}},"type":"private","first_name":"Load"},"date":1700000000}}""");
        await FakeBotApi.WriteAsync(context, Encoding.UTF8.GetBytes(answer)).ConfigureAwait(false);
    }

    private static async Task<(long ChatId, string Text)> DocumentAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync().ConfigureAwait(false);
        var chatId = long.TryParse(form["chat_id"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : 0;
        return (chatId, "[document] " + string.Join(", ", form.Files.Select(f => f.FileName)));
    }
}
