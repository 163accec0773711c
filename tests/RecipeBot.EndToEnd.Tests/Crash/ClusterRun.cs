using RecipeBot.Channels.Telegram.Tests.Fakes;
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
    private static readonly string[] Zones = ["Europe/Tallinn", "Europe/Helsinki", "Europe/Riga", "Europe/Vilnius", "Europe/Stockholm", "Europe/Warsaw"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "recipebot-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Dictionary<long, CrashUser> _users = [];
    private readonly SemaphoreSlim _replied = new(0);
    private readonly int[] _ports = [CrashRun.FreePort(), CrashRun.FreePort()];
    private readonly BackgroundProcess?[] _bots = new BackgroundProcess?[2];
    private FakeBotApiServer _api = null!;
    private long _updateId;
    private long _messageId;

    public IReadOnlyCollection<CrashUser> Users => _users.Values;

    public string Log => string.Join("\n---\n", _bots.Select(b => b?.Log));

    public static async Task<ClusterRun> StartAsync(string connectionString, int users, int steps)
    {
        var run = new ClusterRun();
        Directory.CreateDirectory(run._directory);
        run._api = await FakeBotApiServer.StartAsync();
        for (var i = 0; i < users; i++)
        {
            var chatId = 710_000_000L + i;
            run._users[chatId] = new CrashUser(chatId, Zones[..steps]);
        }

        run._api.Respond("sendMessage", request =>
        {
            if (request.Int64Parameter("chat_id") is { } chat && run._users.TryGetValue(chat, out var user))
            {
                user.OnReply(request.Parameter("text") ?? string.Empty, request.At);
                run._replied.Release();
            }

            return null;
        });
        for (var i = 0; i < run._bots.Length; i++)
        {
            run._bots[i] = run.StartBot(i, connectionString);
        }

        return run;
    }

    /// <summary>Every user walks their steps; returns when all are done or have waited <paramref name="patience"/> for an answer.</summary>
    public Task WalkAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        Task.WhenAll(_users.Values.Select(user => Task.Run(() => user.RunAsync(SendAsync, patience, cancellationToken), cancellationToken)));

    /// <summary>Waits until the instances have answered <paramref name="count"/> messages, then kills instance <paramref name="index"/> with SIGKILL.</summary>
    public async Task KillWhenBusyAsync(int index, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await _replied.WaitAsync(cancellationToken);
        }

        _bots[index]!.Kill();
    }

    /// <summary>Chats that received a reply to a step after a reply to a later step.</summary>
    public IReadOnlyList<long> OutOfOrder() =>
        [.. _users.Values.Where(user => !user.RepliesInOrder()).Select(user => user.ChatId)];

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            bot?.Dispose();
        }

        await _api.DisposeAsync();
        _http.Dispose();
        _replied.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file the killed process held may linger a moment; the temp folder is cleaned by the system.
        }
    }

    private BackgroundProcess StartBot(int index, string connectionString)
    {
        var folder = Path.Combine(_directory, "instance" + index);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Telegram__BotToken"] = _api.Token,
            ["Telegram__BaseUrl"] = _api.BaseUrl.ToString(),
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
        WebhookPost.UntilTakenAsync(_http, _ports, Secret, Interlocked.Increment(ref _updateId), WebhookPost.Update(chatId, Interlocked.Increment(ref _messageId), text), cancellationToken);
}
