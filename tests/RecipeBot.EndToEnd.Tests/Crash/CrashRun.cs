using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RecipeBot.EndToEnd.Tests.TelegramEmulator;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// The composed bot (the real program, Telegram in polling or webhook mode, SQLite, the default send limits)
/// under many users, killed with SIGKILL a few times and restarted on the same database. Counts, per step of
/// every user, how many replies Telegram received.
/// </summary>
internal sealed class CrashRun : IAsyncDisposable
{
    private const string Secret = "crash-test-secret";
    private readonly bool _webhook;
    private readonly int _port = FreePort();
    private CrashCrowd _crowd = null!;
    private BackgroundProcess? _bot;
    private long _updateId;
    private long _messageId;

    private CrashRun(bool webhook) => _webhook = webhook;

    public string DatabasePath => Path.Combine(_crowd.Directory, "bot.db");

    public IEnumerable<CrashUser> Users => _crowd.Users.Values;

    private readonly List<(DateTimeOffset At, IReadOnlyList<(string ConversationId, string Text)> Left)> _kills = [];

    /// <summary>All outbox rows left at each kill: replies an in-memory queue would have lost.</summary>
    public IReadOnlyList<int> WaitingAtKills => [.. _kills.Select(k => k.Left.Count)];

    /// <summary>
    /// Outbox rows left at each kill whose message the killed bot had already given Telegram: the only replies a
    /// restart can send twice. Counted once the run is over, by arrival at the fake before the restarted bot's first
    /// request (getMe), so a request the killed bot sent but the busy fake read a moment later is not missed.
    /// </summary>
    public IReadOnlyList<int> InFlightAtKills => [.. _kills.Select(k => k.Left.Count(row => AlreadyReceived(row.ConversationId, row.Text, RestartedAt(k.At))))];

    public string Log => _bot?.Log ?? string.Empty;

    public static async Task<CrashRun> StartAsync(bool webhook, int users, int steps)
    {
        var run = new CrashRun(webhook);
        run._crowd = await CrashCrowd.StartAsync("crash", 700_000_000L, users, steps);
        run.StartBot();
        return run;
    }

    /// <summary>Every user walks their steps; returns when all are done or have waited <paramref name="patience"/> for an answer.</summary>
    public Task WalkAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        _crowd.WalkAsync(SendAsync, patience, cancellationToken);

    /// <summary>
    /// Waits until the running bot has answered <paramref name="count"/> more messages (it is up and busy), then
    /// SIGKILL, the outbox the killed bot left, and a restart on the same file.
    /// </summary>
    public async Task KillWhenBusyAndRestartAsync(int count, CancellationToken cancellationToken)
    {
        while (_crowd.Replied.Wait(0))
        {
        }

        for (var i = 0; i < count; i++)
        {
            await _crowd.Replied.WaitAsync(cancellationToken);
        }

        var at = DateTimeOffset.UtcNow;
        _bot!.Kill();
        _kills.Add((at, File.Exists(DatabasePath) ? OutboxSnapshot.Read(DatabasePath) : []));
        _bot.Dispose();
        StartBot();
    }

    public async ValueTask DisposeAsync()
    {
        _bot?.Dispose();
        await _crowd.DisposeAsync();
    }

    /// <summary>When the bot started after a kill at <paramref name="killedAt"/> first spoke to Telegram.</summary>
    private DateTimeOffset RestartedAt(DateTimeOffset killedAt) =>
        _crowd.Api.RequestsFor("getMe").Select(r => r.At).Where(at => at > killedAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();

    private bool AlreadyReceived(string conversationId, string text, DateTimeOffset killedAt)
    {
        var user = _crowd.Users[long.Parse(conversationId["telegram:".Length..], CultureInfo.InvariantCulture)];
        return user.RepliedBefore(user.StepOf(text), killedAt);
    }

    private void StartBot()
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Telegram__BotToken"] = _crowd.Api.Token,
            ["Telegram__BaseUrl"] = _crowd.Api.BaseUrl.ToString(),
            ["Telegram__PollingTimeoutSeconds"] = "1",
            ["Storage__SqlitePath"] = DatabasePath,
            ["RecipeBot__ModelCachePath"] = Path.Combine(_crowd.Directory, "intent-model.bin"),
            ["Urls"] = $"http://127.0.0.1:{_port}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (_webhook)
        {
            environment["Telegram__Mode"] = "webhook";
            environment["Telegram__WebhookUrl"] = $"http://127.0.0.1:{_port}/telegram/webhook";
            environment["Telegram__WebhookSecret"] = Secret;
        }

        _bot = BackgroundProcess.Start("RecipeBot run", "dotnet", [BotProcess.ProgramPath, "run"], _crowd.Directory, environment);
    }

    /// <summary>A message from the user, as Telegram delivers it: queued for getUpdates, or posted to the webhook until it is taken.</summary>
    private async Task SendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        var update = WebhookPost.Update(chatId, Interlocked.Increment(ref _messageId), text);
        if (!_webhook)
        {
            _crowd.Api.EnqueueUpdate(update);
            return;
        }

        await WebhookPost.UntilTakenAsync(_crowd.Http, [_port], Secret, Interlocked.Increment(ref _updateId), update, cancellationToken);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
