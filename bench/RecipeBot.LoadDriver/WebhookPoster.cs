using System.Net.Http.Headers;
using System.Threading.Channels;

namespace RecipeBot.LoadDriver;

/// <summary>
/// Webhook mode: posts each update to the bot as Telegram would, over at most <c>connections</c> connections at
/// once (Telegram's max_connections, 40 by default), oldest first. A failed post is retried, as Telegram does.
/// </summary>
public sealed class WebhookPoster : IUpdateSink, IAsyncDisposable
{
    public const string Secret = "load-driver-secret";
    private const int MaxAttempts = 5;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly LoadSession _session;
    private readonly Uri _endpoint;
    private readonly HttpClient _http;
    private readonly Channel<(SimulatedUser User, long UpdateId, byte[] Json)> _queue = Channel.CreateUnbounded<(SimulatedUser, long, byte[])>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _posters;
    private long _lastId;
    private long _failedPosts;
    private long _lost;

    public WebhookPoster(LoadSession session, Uri endpoint, int connections)
    {
        _session = session;
        _endpoint = endpoint;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections });
        _posters = [.. Enumerable.Range(0, connections).Select(_ => PostLoopAsync(_stopping.Token))];
    }

    /// <summary>Posts answered with something other than 200 (each retried).</summary>
    public long FailedPosts => Interlocked.Read(ref _failedPosts);

    /// <summary>Updates given up after <see cref="MaxAttempts"/> failed posts.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public void Deliver(SimulatedUser user)
    {
        var updateId = Interlocked.Increment(ref _lastId);
        byte[] json;
        lock (user.Gate)
        {
            // Made available now; the wait for a free connection counts, as it would at Telegram.
            json = user.Send(updateId, LoadSession.Now());
        }

        _session.OnSent();
        _queue.Writer.TryWrite((user, updateId, json));
    }

    private async Task PostLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (user, updateId, json) in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Taken by the bot from here on: what follows (reading, the inbox write, the 200) is the bot's work.
                _session.OnServed(user, updateId, LoadSession.Now());
                await PostAsync(json, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PostAsync(byte[] json, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(json) };
                request.Content.Headers.ContentType = Json;
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                var started = LoadSession.Now();
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var answered = LoadSession.Now();
                    if (_session.IsMeasuring(answered))
                    {
                        _session.WebhookPost.Add(answered - started);
                    }

                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Counted below and retried.
            }

            Interlocked.Increment(ref _failedPosts);
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _lost);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_posters).ConfigureAwait(false);
        _http.Dispose();
        _stopping.Dispose();
    }
}
