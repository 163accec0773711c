using RecipeBot.Channels.Telegram.Tests.Fakes;

namespace RecipeBot.EndToEnd.Tests.Crash;

/// <summary>
/// What every crash run has: the fake Bot API, the simulated users (each step a time zone, so every reply names the
/// step it answers), a signal per reply, an HTTP client for webhook posts and a temporary folder.
/// </summary>
internal sealed class CrashCrowd : IAsyncDisposable
{
    private static readonly string[] Zones = ["Europe/Tallinn", "Europe/Helsinki", "Europe/Riga", "Europe/Vilnius", "Europe/Stockholm", "Europe/Warsaw"];
    private readonly Dictionary<long, CrashUser> _users = [];

    private CrashCrowd(string name, FakeBotApiServer api)
    {
        Directory = Path.Combine(Path.GetTempPath(), $"recipebot-{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Api = api;
    }

    public string Directory { get; }

    public FakeBotApiServer Api { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Released once for every reply Telegram receives for a user.</summary>
    public SemaphoreSlim Replied { get; } = new(0);

    public IReadOnlyDictionary<long, CrashUser> Users => _users;

    public static async Task<CrashCrowd> StartAsync(string name, long firstChatId, int users, int steps)
    {
        var crowd = new CrashCrowd(name, await FakeBotApiServer.StartAsync());
        for (var i = 0; i < users; i++)
        {
            crowd._users[firstChatId + i] = new CrashUser(firstChatId + i, Zones[..steps]);
        }

        crowd.Api.Respond("sendMessage", request =>
        {
            if (request.Int64Parameter("chat_id") is { } chat && crowd._users.TryGetValue(chat, out var user))
            {
                user.OnReply(request.Parameter("text") ?? string.Empty, request.At);
                crowd.Replied.Release();
            }

            return null;
        });
        return crowd;
    }

    /// <summary>Every user walks their steps; returns when all are done or have waited <paramref name="patience"/> for an answer.</summary>
    public Task WalkAsync(Func<long, string, CancellationToken, Task> send, TimeSpan patience, CancellationToken cancellationToken) =>
        Task.WhenAll(_users.Values.Select(user => Task.Run(() => user.RunAsync(send, patience, cancellationToken), cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
        Replied.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file the killed process held may linger a moment; the temp folder is cleaned by the system.
        }
    }
}
