using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Channels.Telegram.Tests.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Api;

/// <summary>A fake Bot API on loopback and a real <see cref="TelegramBotClient"/> pointed at it, logging into memory.</summary>
public sealed class BotApiHarness : IAsyncDisposable
{
    private readonly HttpClient _httpClient;

    private BotApiHarness(FakeBotApiServer server, HttpClient httpClient, string clientToken)
    {
        Server = server;
        _httpClient = httpClient;
        Client = new TelegramBotClient(httpClient, clientToken, server.BaseUrl, Logger);
    }

    public FakeBotApiServer Server { get; }

    public TelegramBotClient Client { get; }

    public CapturingLogger<TelegramBotClient> Logger { get; } = new();

    /// <param name="clientToken">The token the client uses; the server's own by default.</param>
    public static async Task<BotApiHarness> StartAsync(string? clientToken = null)
    {
        var server = await FakeBotApiServer.StartAsync();
        return new BotApiHarness(server, new HttpClient(), clientToken ?? server.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _httpClient.Dispose();
        await Server.DisposeAsync();
    }
}
