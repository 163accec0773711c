using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>
/// A real HTTP server on 127.0.0.1 that imitates the Telegram Bot API at <c>{BaseUrl}bot{Token}/{method}</c>,
/// so channel tests exercise the real client, serializer and HTTP stack.
/// </summary>
/// <remarks>
/// <para>By default it behaves like Telegram: a wrong token gets 401, an unknown method 404, getMe the test
/// bot, sendMessage/sendDocument a message with increasing message_id echoing chat and text, getChatMember
/// the status set with <see cref="SetChatMember"/> ("member" otherwise), the other write methods <c>true</c>. getUpdates serves the queue fed by <see cref="EnqueueUpdate"/>: an offset
/// confirms (drops) every update below it, a negative one keeps only the last -offset, and with nothing
/// queued it waits up to min(timeout, 2 s) for one. setWebhook/deleteWebhook switch a webhook URL that
/// getWebhookInfo reports and that makes getUpdates answer 409, as Telegram does.</para>
/// <para><see cref="Respond"/> overrides any method. Parameters are read from a JSON body, a form
/// (urlencoded or multipart) or the query string. Every request with the right token is recorded.</para>
/// </remarks>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const string DefaultToken = "123456789:AAH-test_token-0123456789abcdefghijkl";
    public const long BotUserId = 123456789;
    public const string BotUsername = "RecipeTestBot";

    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, FakeResponse?>> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly FakeUpdateQueue _updates = new();
    private readonly FakeBotBehaviour _behaviour;
    private TaskCompletionSource _requestArrived = NewSignal();
    private Uri? _baseUrl;
    private int _disposed;

    private FakeBotApiServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
        _behaviour = new FakeBotBehaviour(_updates, TimeProvider.System);
    }

    /// <summary>The server root, e.g. http://127.0.0.1:41234/ — what the client takes as its base URL.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The fake Bot API has not started yet.");

    /// <summary>The only token the server accepts.</summary>
    public string Token { get; }

    /// <summary>A snapshot of every request that carried the right token, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Updates queued and not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdateCount => _updates.Count;

    public static async Task<FakeBotApiServer> StartAsync(string token = DefaultToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Many servers start in one test run; file watchers on appsettings would exhaust inotify.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeBotApiServer(app, token);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server._baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>
    /// Telegram.Bot's client pointed at this server as the bot composes it: no retries of its own, which the sender
    /// and the poller do on their clock.
    /// </summary>
    public TelegramBotClient CreateClient(HttpClient httpClient, string? token = null) =>
        new(new TelegramBotClientOptions(token ?? Token, BaseUrl.AbsoluteUri) { RetryThreshold = 0 }, httpClient);

    /// <summary>Requests for one method (case-insensitive, as Telegram's method names are).</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string method) =>
        [.. Requests.Where(request => string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Answers <paramref name="method"/> with <paramref name="handler"/> from now on, replacing any earlier
    /// handler for it. When the handler returns null the default behaviour answers instead.
    /// </summary>
    public void Respond(string method, Func<RecordedRequest, FakeResponse?> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[method] = handler;
    }

    /// <summary>Makes getChatMember answer <paramref name="status"/> ("creator", "administrator", "member", …) for this user of this chat.</summary>
    public void SetChatMember(long chatId, long userId, string status) => _behaviour.SetChatMember(chatId, userId, status);

    /// <summary>Queues an update (a JSON object without update_id) and returns the update_id it got.</summary>
    public long EnqueueUpdate(string updateJsonWithoutId) => _updates.Enqueue(updateJsonWithoutId);

    /// <summary>Queues an update exactly as given; it must carry its own update_id, which is returned.</summary>
    public long EnqueueRawUpdate(string fullJson) => _updates.EnqueueRaw(fullJson);

    /// <summary>
    /// The first request for <paramref name="method"/> (already received or still to come) that satisfies
    /// <paramref name="predicate"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>
    /// (10 s by default) listing what did arrive.
    /// </summary>
    public async Task<RecordedRequest> WaitForAsync(string method, Func<RecordedRequest, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        using var expired = new CancellationTokenSource(limit);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var match = _requests.Find(request =>
                    string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase) && (predicate is null || predicate(request)));
                if (match is not null)
                {
                    return match;
                }

                arrived = _requestArrived.Task;
            }

            try
            {
                await arrived.WaitAsync(expired.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(DescribeMissing(method, predicate is not null, limit));
            }
        }
    }

    /// <summary>Stops the server; safe to call more than once (a test may stop it early to simulate an outage).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Ends pending long polls now rather than letting shutdown wait for them.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Stamped before the body is read, so At is when the request arrived, not when its upload finished.
        var arrivedAt = TimeProvider.System.GetUtcNow();
        if (!TryParsePath(context.Request.Path.Value, out var token, out var method))
        {
            await WriteAsync(context, FakeResponse.Error(404, "Not Found"));
            return;
        }

        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            await WriteAsync(context, FakeResponse.Error(401, "Unauthorized"));
            return;
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var request = await FakeRequestReader.ReadAsync(context.Request, method, arrivedAt, aborted.Token);
            Record(request);
            FakeResponse response;
            try
            {
                response = Handle(request) ?? await _behaviour.RespondAsync(request, aborted.Token);
            }
            catch (FormatException exception)
            {
                // A parameter that should be a number or boolean was not: Telegram says 400 too.
                response = FakeResponse.Error(400, $"Bad Request: {exception.Message}");
            }

            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, aborted.Token);
            }

            await WriteAsync(context, response);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nobody is listening for an answer.
        }
    }

    private FakeResponse? Handle(RecordedRequest request)
    {
        if (!_handlers.TryGetValue(request.Method, out var handler))
        {
            return null;
        }

        try
        {
            return handler(request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Surfaces a broken test handler in the client's exception instead of an empty 500.
            return FakeResponse.Error(500, $"Internal Server Error: the test handler for {request.Method} threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    private void Record(RecordedRequest request)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _requests.Add(request);
            arrived = _requestArrived;
            _requestArrived = NewSignal();
        }

        arrived.TrySetResult();
    }

    private string DescribeMissing(string method, bool withPredicate, TimeSpan limit)
    {
        var requests = Requests;
        var received = requests.Count == 0
            ? "nothing"
            : string.Join(", ", requests.GroupBy(request => request.Method).Select(group => $"{group.Key} ×{group.Count()}"));
        var sameMethod = requests
            .Where(request => string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase))
            .TakeLast(3)
            .Select(request => request.Body.Length > 300 ? request.Body[..300] + "…" : request.Body);
        var bodies = string.Join(" | ", sameMethod);
        return string.Create(CultureInfo.InvariantCulture, $"No {method} request{(withPredicate ? " matching the predicate" : "")} reached the fake Bot API within {limit.TotalSeconds:0.#} s. ")
            + $"It received: {received}." + (bodies.Length > 0 ? $" Latest {method} bodies: {bodies}" : "");
    }

    private static bool TryParsePath(string? path, out string token, out string method)
    {
        token = method = "";
        if (path is null || !path.StartsWith("/bot", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path[4..];
        var slash = rest.LastIndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        token = rest[..slash];
        method = rest[(slash + 1)..];
        return true;
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.Body.Length > 0)
        {
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
