using RecipeBot.EndToEnd.Tests.TelegramEmulator;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// Three instances of the composed bot (the real program, the default send limits) on one PostgreSQL database: with
/// the webhook each update is posted to one of them in turn and to the next when it refuses; with polling the
/// elected instance fetches them. One instance can be killed with SIGKILL. Counts, per step of every user, the replies Telegram received, with the moments they arrived.
/// </summary>
internal sealed class ClusterRun : IAsyncDisposable
{
    private const string Secret = "cluster-test-secret";

    public const int Instances = 3;

    private readonly int[] _ports = [.. Enumerable.Range(0, Instances).Select(_ => CrashRun.FreePort())];
    private readonly BackgroundProcess?[] _bots = new BackgroundProcess?[Instances];
    private readonly bool _webhook;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private CrashCrowd _crowd = null!;
    private long _updateId;
    private long _messageId;

    public IEnumerable<CrashUser> Users => _crowd.Users.Values;

    /// <summary>The fake Bot API all instances talk to.</summary>
    public Channels.Telegram.Tests.Fakes.FakeBotApiServer Api => _crowd.Api;

    public string Log => string.Join("\n---\n", _bots.Select(b => b?.Log));

    private ClusterRun(bool webhook, IReadOnlyDictionary<string, string>? settings)
    {
        _webhook = webhook;
        _settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>Instance <paramref name="index"/>'s name in row claims and the reminder ledger (<c>Storage:InstanceId</c>).</summary>
    public static string InstanceId(int index) => "instance" + index;

    /// <summary>Starts the fake Bot API, <paramref name="users"/> users and the instances, each with <paramref name="settings"/> besides the run's own.</summary>
    public static async Task<ClusterRun> StartAsync(bool webhook, string connectionString, int users, int steps, IReadOnlyDictionary<string, string>? settings = null)
    {
        var run = new ClusterRun(webhook, settings);
        run._crowd = await CrashCrowd.StartAsync("cluster", 710_000_000L, users, steps);
        for (var i = 0; i < run._bots.Length; i++)
        {
            run._bots[i] = run.StartBot(i, connectionString);
        }

        return run;
    }

    /// <summary>Every user walks their steps; returns when all are done or have waited <paramref name="patience"/> for an answer.</summary>
    public Task WalkAsync(TimeSpan patience, CancellationToken cancellationToken) => _crowd.WalkAsync(SendAsync, patience, cancellationToken);

    /// <summary>The instance that says it leads the polling election (of those still running).</summary>
    public async Task<int> LeaderAsync(CancellationToken cancellationToken)
    {
        using var found = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = _bots.Select((bot, index) => (bot, index)).Where(b => b.bot is not null).Select(async b =>
        {
            await b.bot!.WaitForOutputLineAsync(line => line.Contains("now leads telegram:polling", StringComparison.Ordinal), found.Token);
            return b.index;
        }).ToList();
        var leader = await await Task.WhenAny(waits);
        await found.CancelAsync();
        return leader;
    }

    /// <summary>Kills instance <paramref name="index"/> with SIGKILL; it is not restarted.</summary>
    public void Kill(int index)
    {
        _bots[index]!.Kill();
        _bots[index]!.Dispose();
        _bots[index] = null;
    }

    /// <summary>Waits until the instances have answered <paramref name="count"/> more messages.</summary>
    public async Task RepliedAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await _crowd.Replied.WaitAsync(cancellationToken);
        }
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
            ["Telegram__PollingTimeoutSeconds"] = "1",
            ["Storage__Provider"] = "postgres",
            ["Storage__InstanceId"] = InstanceId(index),
            ["ConnectionStrings__Postgres"] = connectionString,
            ["RecipeBot__ModelCachePath"] = Path.Combine(folder, "intent-model.bin"),
            ["Urls"] = $"http://127.0.0.1:{_ports[index]}",
            ["Logging__LogLevel__Default"] = "Warning",
            // The election's "now leads" line tells the test which instance polls.
            ["Logging__LogLevel__RecipeBot.Storage.Postgres.PostgresLeaderElection"] = "Information",
        };
        foreach (var (key, value) in _settings)
        {
            environment[key] = value;
        }

        if (_webhook)
        {
            environment["Telegram__Mode"] = "webhook";
            environment["Telegram__WebhookUrl"] = $"http://127.0.0.1:{_ports[index]}/telegram/webhook";
            environment["Telegram__WebhookSecret"] = Secret;
        }

        return BackgroundProcess.Start("RecipeBot run " + index, "dotnet", [BotProcess.ProgramPath, "run"], folder, environment);
    }

    private Task SendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        var update = WebhookPost.Update(chatId, Interlocked.Increment(ref _messageId), text);
        if (!_webhook)
        {
            _crowd.Api.EnqueueUpdate(update);
            return Task.CompletedTask;
        }

        return WebhookPost.UntilTakenAsync(_crowd.Http, _ports, Secret, Interlocked.Increment(ref _updateId), update, cancellationToken);
    }
}
