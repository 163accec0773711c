using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using RecipeBot.Channels.WebChat.Protection;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Channels.WebChat.Sending;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Channels.WebChat.DirectLine;

/// <summary>
/// Direct Line's stream (<c>streamUrl</c>): a WebSocket on which the service sends ActivitySets — first what came after
/// the watermark, then each new activity as it is appended — and an empty message now and then, so proxies keep
/// the connection. The client sends nothing but the closing handshake; a close or the bot stopping ends it.
/// </summary>
internal static class DirectLineStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    public static async Task<IResult> AcceptAsync(
        string conversationId,
        HttpContext context,
        WebChatGuard guard,
        WebChatTranscript transcript,
        WebChatActivitySignal signal,
        TimeProvider time,
        IHostApplicationLifetime lifetime)
    {
        if (guard.Check(context, conversationId, out _) is { } refused)
        {
            return refused;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineError.BadArgument("The stream is a WebSocket.");
        }

        if (!DirectLineActivityEndpoints.TryWatermark(context.Request, out var watermark))
        {
            return DirectLineError.BadArgument("The watermark is not one this service gave.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var closing = WaitForCloseAsync(socket, ended);
        var key = ConversationKey.WebChat(conversationId).ToString();
        try
        {
            while (!ended.IsCancellationRequested)
            {
                // Taken before reading, so an activity appended meanwhile still wakes the loop.
                var next = signal.Watch(key);
                var (json, last, count) = await transcript.ReadAsync(key, watermark, ended.Token).ConfigureAwait(false);
                if (count > 0)
                {
                    watermark = last;
                    await SendAsync(socket, json, ended.Token).ConfigureAwait(false);
                    continue;
                }

                var woke = await Task.WhenAny(next, Task.Delay(KeepAlive, time, ended.Token)).ConfigureAwait(false);
                if (woke != next && !ended.IsCancellationRequested)
                {
                    await SendAsync(socket, string.Empty, ended.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The visitor left or the bot is stopping: nothing is lost, the transcript keeps it for the next fetch.
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await closing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return Results.Empty;
    }

    private static Task SendAsync(WebSocket socket, string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and drops) what the client sends until it closes, then ends the stream.</summary>
    private static async Task WaitForCloseAsync(WebSocket socket, CancellationTokenSource ended)
    {
        var buffer = new byte[1024];
        try
        {
            while (!ended.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, ended.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await ended.CancelAsync().ConfigureAwait(false);
        }
    }
}
