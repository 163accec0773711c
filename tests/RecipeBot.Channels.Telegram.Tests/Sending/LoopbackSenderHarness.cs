using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Channels.Telegram.Tests.Fakes;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>
/// The real outbound queue and Bot API client on the wall clock, with Telegram's own limits, against the fake
/// Bot API on loopback: what the channel does for replies and proactive messages, over real HTTP.
/// </summary>
internal sealed class LoopbackSenderHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private LoopbackSenderHarness(FakeBotApiServer server)
    {
        Server = server;
        Sender = new TelegramSender(
            server.CreateClient(_http),
            Chats,
            TimeProvider.System,
            new TelegramSendLimits(),
            NullLogger<TelegramSender>.Instance);
        ChannelSender = new TelegramChannelSender(Sender);
    }

    public FakeBotApiServer Server { get; }

    public InMemoryChatDirectory Chats { get; } = new();

    public TelegramSender Sender { get; }

    public TelegramChannelSender ChannelSender { get; }

    public static async Task<LoopbackSenderHarness> StartAsync()
    {
        var harness = new LoopbackSenderHarness(await FakeBotApiServer.StartAsync());
        await harness.Sender.StartAsync(CancellationToken.None);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync(CancellationToken.None);
        Sender.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
