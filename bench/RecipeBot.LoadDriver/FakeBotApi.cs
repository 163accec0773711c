using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RecipeBot.LoadDriver;

/// <summary>
/// A minimal Telegram Bot API on loopback Kestrel, cheap enough to measure the bot rather than itself: it reads
/// only the fields it needs, records no bodies, and answers from prepared bytes. getUpdates serves
/// <see cref="Queue"/>; sendMessage closes a simulated user's loop. With an <see cref="Outbox"/>, sendMessage and
/// sendDocument go there instead: Telegram's limits are enforced and every message is kept.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456789:AAH-test_token-0123456789abcdefghijkl";

    private static readonly byte[] True = """{"ok":true,"result":true}"""u8.ToArray();
    private static readonly byte[] Me = """{"ok":true,"result":{"id":123456789,"is_bot":true,"first_name":"RecipeBot","username":"RecipeLoadBot"}}"""u8.ToArray();
    private static readonly byte[] NotFound = """{"ok":false,"error_code":404,"description":"Not Found"}"""u8.ToArray();
    private static readonly byte[] Unauthorized = """{"ok":false,"error_code":401,"description":"Unauthorized"}"""u8.ToArray();
    private static readonly byte[] UpdatesStart = """{"ok":true,"result":["""u8.ToArray();
    private static readonly byte[] UpdatesEnd = "]}"u8.ToArray();
    private const string Prefix = "/bot" + Token + "/";

    private readonly WebApplication _app;
    private readonly LoadSession _session;
    private readonly TimeSpan _delay;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _polls;
    private long _served;
    private long _edits;
    private long _sendMessages;
    private long _sendMessageBytes;
    private long _lastBatchServedAt;

    private FakeBotApi(WebApplication app, LoadSession session, TimeSpan delay, FakeOutbox? outbox)
    {
        _app = app;
        _session = session;
        _delay = delay;
        Outbox = outbox;
        Queue = new UpdateQueue(session);
    }

    public UpdateQueue Queue { get; }

    /// <summary>Set: sendMessage and sendDocument are checked against Telegram's limits and kept there.</summary>
    public FakeOutbox? Outbox { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Completes when the bot has finished its start-up calls (deleteWebhook or setWebhook).</summary>
    public Task Ready => _ready.Task;

    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Updates handed out by getUpdates, re-deliveries included.</summary>
    public long Served => Interlocked.Read(ref _served);

    public long Edits => Interlocked.Read(ref _edits);

    public long SendMessages => Interlocked.Read(ref _sendMessages);

    /// <summary>Mean sendMessage request body, in bytes.</summary>
    public double SendMessageBytes => SendMessages == 0 ? 0 : (double)Interlocked.Read(ref _sendMessageBytes) / SendMessages;

    /// <summary>Starts the fake; <paramref name="delay"/> holds every answer except getUpdates, like Telegram's round trip.</summary>
    public static Task<FakeBotApi> StartAsync(LoadSession session, TimeSpan delay, CancellationToken cancellationToken) =>
        StartAsync(session, delay, outbox: null, cancellationToken);

    /// <summary>Starts the fake; with <paramref name="outbox"/>, messages are sent there (see <see cref="Outbox"/>).</summary>
    public static async Task<FakeBotApi> StartAsync(LoadSession session, TimeSpan delay, FakeOutbox? outbox, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app, session, delay, outbox);
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        fake.BaseUrl = new Uri(app.Urls.Single());
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = LoadSession.Now();
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await WriteAsync(context, Unauthorized, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var method = path[Prefix.Length..];
        if (Outbox is not null && method is "sendMessage" or "sendDocument")
        {
            await Outbox.HandleAsync(context, method, _delay).ConfigureAwait(false);
            return;
        }

        if (_delay > TimeSpan.Zero && method != "getUpdates")
        {
            await Task.Delay(_delay, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        }

        switch (method)
        {
            case "sendMessage":
                await SendMessageAsync(context, arrived).ConfigureAwait(false);
                break;
            case "getUpdates":
                await GetUpdatesAsync(context, arrived).ConfigureAwait(false);
                break;
            case "answerCallbackQuery":
                var (chatId, updateId) = await ReadAsync(context.Request, RequestJson.CallbackQuery).ConfigureAwait(false);
                _session.OnCallbackAnswered(chatId, updateId, arrived);
                await WriteAsync(context, True).ConfigureAwait(false);
                break;
            case "editMessageReplyMarkup":
                Interlocked.Increment(ref _edits);
                await WriteAsync(context, True).ConfigureAwait(false);
                break;
            case "getMe":
                await WriteAsync(context, Me).ConfigureAwait(false);
                break;
            case "setMyCommands":
                await WriteAsync(context, True).ConfigureAwait(false);
                break;
            case "deleteWebhook" or "setWebhook":
                await WriteAsync(context, True).ConfigureAwait(false);
                _ready.TrySetResult();
                break;
            default:
                await WriteAsync(context, NotFound, StatusCodes.Status404NotFound).ConfigureAwait(false);
                break;
        }
    }

    private async Task SendMessageAsync(HttpContext context, long arrived)
    {
        Interlocked.Increment(ref _sendMessages);
        var keyboard = new List<string>(10);
        var chatId = await ReadAsync(context.Request, body =>
        {
            // Counted as read: Telegram.Bot streams its JSON without a Content-Length.
            Interlocked.Add(ref _sendMessageBytes, body.Length);
            return RequestJson.SendMessage(body, keyboard);
        }).ConfigureAwait(false);
        var messageId = _session.OnReply(chatId, keyboard, arrived);
        var answer = string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"ok":true,"result":{"message_id":{{{messageId}}},"chat":{"id":{{{chatId}}},"type":"private","first_name":"Load"},"date":1700000000}}""");
        await WriteAsync(context, Encoding.UTF8.GetBytes(answer)).ConfigureAwait(false);
    }

    private async Task GetUpdatesAsync(HttpContext context, long arrived)
    {
        Interlocked.Increment(ref _polls);
        var previous = Interlocked.Exchange(ref _lastBatchServedAt, 0);
        if (previous != 0 && _session.IsMeasuring(arrived))
        {
            _session.PollGap.Add(arrived - previous);
        }

        var (offset, limit, timeout) = await ReadAsync(context.Request, RequestJson.GetUpdates).ConfigureAwait(false);
        var updates = await Queue.TakeAsync(offset, limit, TimeSpan.FromSeconds(timeout), context.RequestAborted).ConfigureAwait(false);
        var length = UpdatesStart.Length + UpdatesEnd.Length + Math.Max(0, updates.Count - 1);
        foreach (var update in updates)
        {
            length += update.Json.Length;
        }

        var response = context.Response;
        response.ContentType = "application/json";
        response.ContentLength = length;
        var writer = response.BodyWriter;
        writer.Write(UpdatesStart);
        for (var i = 0; i < updates.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(","u8);
            }

            writer.Write(updates[i].Json);
        }

        writer.Write(UpdatesEnd);
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        var served = LoadSession.Now();
        Interlocked.Add(ref _served, updates.Count);
        if (updates.Count > 0)
        {
            Interlocked.Exchange(ref _lastBatchServedAt, served);
        }

        foreach (var update in updates)
        {
            _session.OnServed(update.User, update.Id, served);
        }
    }

    internal static async Task<T> ReadAsync<T>(HttpRequest request, Func<ReadOnlySequence<byte>, T> parse)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            if (result.IsCompleted)
            {
                try
                {
                    return parse(result.Buffer);
                }
                finally
                {
                    reader.AdvanceTo(result.Buffer.End);
                }
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    internal static Task WriteAsync(HttpContext context, byte[] body, int status = StatusCodes.Status200OK)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
