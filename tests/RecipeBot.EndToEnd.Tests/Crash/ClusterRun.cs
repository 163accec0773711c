using RecipeBot.EndToEnd.Tests.TelegramEmulator;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// Two instances of the composed bot (the real program, Telegram webhook, the default send limits) on one PostgreSQL
/// database, each update posted to one of them in turn and to the other when it refuses; one instance can be killed
/// with SIGKILL. Counts, per step of every user, the replies Telegram received, with the moments they arrived.
/// </summary>
internal sealed class ClusterRun : IAsyncDisposable
{
    private const string Secret = "cluster-test-secret";

    private readonly int[] _ports = [CrashRun.FreePort(), CrashRun.FreePort()];
    private readonly BackgroundProcess?[] _bots = new BackgroundProcess?[2];
    private CrashCrowd _crowd = null!;
    private long _updateId;
    private long _messageId;

    public IEnumerable<CrashUser> Users => _crowd.Users.Values;

    public string Log => string.Join("\n---\n", _bots.Select(b => b?.Log));

    public static async Task<ClusterRun> StartAsync(string connectionString, int users, int steps)
    {
        var run = new ClusterRun();
        run._crowd = await CrashCrowd.StartAsync("cluster", 710_000_000L, users, steps);
        for (var i = 0; i < run._bots.Length; i++)
        {
            run._bots[i] = run.StartBot(i, connectionString);
        }

        return run;
    }

    /// <summary>Every user walks their steps; returns when all are done or have waited <paramref name="patience"/> for an answer.</summary>
    public Task WalkAsync(TimeSpan patience, CancellationToken cancellationToken) => _crowd.WalkAsync(SendAsync, patience, cancellationToken);

    /// <summary>Waits until the instances have answered <paramref name="count"/> messages, then kills instance <paramref name="index"/> with SIGKILL.</summary>
    public async Task KillWhenBusyAsync(int index, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await _crowd.Replied.WaitAsync(cancellationToken);
        }

        _bots[index]!.Kill();
    }

    /// <summary>Chats that received a reply to a step after a reply to a later step.</summary>
    public IReadOnlyList<long> OutOfOrder() => [.. Users.Where(user => !user.RepliesInOrder()).Select(user => user.ChatId)];

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            bot?.Dispose();
        }

        await _crowd.DisposeAsync();
    }

    private BackgroundProcess StartBot(int index, string connectionString)
    {
        var folder = Path.Combine(_crowd.Directory, "instance" + index);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Telegram__BotToken"] = _crowd.Api.Token,
            ["Telegram__BaseUrl"] = _crowd.Api.BaseUrl.ToString(),
            ["Telegram__Mode"] = "webhook",
            ["Telegram__WebhookUrl"] = $"http://127.0.0.1:{_ports[index]}/telegram/webhook",
            ["Telegram__WebhookSecret"] = Secret,
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Postgres"] = connectionString,
            ["RecipeBot__ModelCachePath"] = Path.Combine(folder, "intent-model.bin"),
            ["Urls"] = $"http://127.0.0.1:{_ports[index]}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        return BackgroundProcess.Start("RecipeBot run " + index, "dotnet", [BotProcess.ProgramPath, "run"], folder, environment);
    }

    private Task SendAsync(long chatId, string text, CancellationToken cancellationToken) =>
        WebhookPost.UntilTakenAsync(_crowd.Http, _ports, Secret, Interlocked.Increment(ref _updateId), WebhookPost.Update(chatId, Interlocked.Increment(ref _messageId), text), cancellationToken);
}
