using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RecipeBot.Channels.Teams.Tests.Fakes;

/// <summary>
/// A Bot Connector on 127.0.0.1: takes <c>POST /v3/conversations/{id}/activities</c>, records
/// each (the id unescaped from the raw path, the Authorization header, the activity) and answers
/// 201 with an activity id — or, first, whatever <see cref="Script"/> queued.
/// </summary>
public sealed class FakeConnectorServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly List<RecordedActivity> _received = [];
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private LoopbackServer _server = null!;
    private TaskCompletionSource _arrived = NewSignal();
    private int _ids;

    /// <summary>The service URL activities name, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string ServiceUrl => _server.BaseUrl.ToString();

    public IReadOnlyList<RecordedActivity> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<FakeConnectorServer> StartAsync()
    {
        var fake = new FakeConnectorServer();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>The next POSTs get these answers, in order; after them, 201 again.</summary>
    public void Script(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>Activities posted to one conversation (its platform id), in arrival order.</summary>
    public IReadOnlyList<RecordedActivity> For(string conversationId) => [.. Received.Where(r => r.ConversationId == conversationId)];

    /// <summary>The first activity (received or still to come) that satisfies <paramref name="predicate"/>.</summary>
    public async Task<RecordedActivity> WaitForAsync(Func<RecordedActivity, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_received.FirstOrDefault(predicate) is { } found)
                {
                    return found;
                }

                signal = _arrived.Task;
            }

            try
            {
                await signal.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(" | ", Received.Select(r => $"{r.ConversationId}: {r.Text?.Split('\n')[0]}"));
                throw new TimeoutException($"No such activity reached the fake connector. It received: {seen}");
            }
        }
    }

    /// <summary>The reply to activity <paramref name="replyToId"/> in a conversation, waiting for it.</summary>
    public Task<RecordedActivity> WaitForReplyAsync(string conversationId, string replyToId) =>
        WaitForAsync(r => r.ConversationId == conversationId && r.ReplyToId == replyToId);

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var segments = raw.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (context.Request.Method != HttpMethods.Post || segments is not ["v3", "conversations", var escaped, "activities"])
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var activity = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        var answer = _script.TryDequeue(out var scripted) ? scripted : new ScriptedAnswer(StatusCodes.Status201Created);
        var record = new RecordedActivity(Uri.UnescapeDataString(escaped), context.Request.Headers.Authorization.ToString(), activity, answer.StatusCode, _clock.Elapsed);
        lock (_gate)
        {
            _received.Add(record);
            var arrived = _arrived;
            _arrived = NewSignal();
            arrived.TrySetResult();
        }

        context.Response.StatusCode = answer.StatusCode;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (answer.StatusCode is >= 200 and < 300)
        {
            await context.Response.WriteAsJsonAsync(new { id = $"reply-{Interlocked.Increment(ref _ids)}" });
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Scripted", message = "scripted failure" } });
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
