using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>The WebSocket stream of <c>streamUrl</c>: what came before, then each new activity as it is written.</summary>
public sealed class StreamTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webchat-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TheStream_SendsTheGreeting_ThenTheEchoAndTheAnswerOfAPostedMessage()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Path.Combine(_directory, "bot.db"));
        using var visitor = new DirectLineVisitor(host);
        await visitor.GetTokenAsync("en");
        var started = await visitor.StartAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), timeout.Token);

        // Act
        var received = new List<JsonElement>();
        await ReceiveUntilAsync(socket, received, r => r.Count >= 1, timeout.Token);
        var id = await visitor.SayAsync("/help");
        await ReceiveUntilAsync(socket, received, r => r.Count >= 3, timeout.Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);

        // Assert
        Assert.Equal("bot", received[0].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(id, received[1].GetProperty("id").GetString());
        Assert.Equal("bot", received[2].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(id, received[2].GetProperty("replyToId").GetString());
    }

    private static async Task ReceiveUntilAsync(ClientWebSocket socket, List<JsonElement> received, Func<List<JsonElement>, bool> done, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        while (!done(received))
        {
            var length = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken) is var r ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage) : null!;
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (length > 0)
            {
                using var set = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
                received.AddRange(set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
            }
        }
    }
}
