using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Channels.WebChat.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.WebChat.Receiving;

/// <summary>
/// Works the web chat inbox continuously (<see cref="InboxDispatcher"/>): conversations in parallel, each one's
/// messages in order. A message is first added to the transcript (the visitor's client waits to see it come back),
/// then the turn runs and writes the reply to the outbox. A delivery that keeps failing (the database is away) is
/// given up after <see cref="MaxAttempts"/> with an apology to the visitor.
/// </summary>
public sealed partial class WebChatInboxProcessor(
    IInboxStore inbox,
    TurnRunner turns,
    WebChatTranscript transcript,
    WebChatOptions options,
    TimeProvider time,
    ILogger<WebChatInboxProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 3;
    private InboxDispatcher? _dispatcher;

    private InboxDispatcher Dispatcher =>
        LazyInitializer.EnsureInitialized(ref _dispatcher, () => new InboxDispatcher(inbox, WebChatInbox.Channel, ProcessOneAsync, options.Workers, time, logger));

    /// <summary>Wakes the processor: a delivery numbered <paramref name="sequence"/> was added.</summary>
    public void Signal(long sequence) => Dispatcher.Signal(sequence);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Dispatcher.RunAsync(stoppingToken);

    /// <summary>True when the delivery is finished with: handled, or given up.</summary>
    private async Task<bool> ProcessOneAsync(InboxItem item, CancellationToken cancellationToken)
    {
        WebChatDelivery? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize<WebChatDelivery>(item.Payload, DirectLineJson.Options);
        }
        catch (JsonException e)
        {
            LogUnreadable(e, item.Sequence);
            return true;
        }

        if (delivery is null)
        {
            return true;
        }

        try
        {
            await HandleAsync(delivery, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = await inbox.FailAsync(WebChatInbox.Channel, item.Sequence, cancellationToken).ConfigureAwait(false);
            if (attempts < MaxAttempts)
            {
                LogRetry(e, item.Sequence, attempts);
                return false;
            }

            var told = await turns.ApologiseAsync(item.Partition, delivery.Language, cancellationToken).ConfigureAwait(false);
            LogGivenUp(e, item.Sequence, attempts, told);
            return true;
        }
    }

    private async Task HandleAsync(WebChatDelivery delivery, CancellationToken cancellationToken)
    {
        var conversationId = ConversationKey.WebChat(delivery.ConversationId).ToString();
        var language = delivery.Language.Length > 0 ? delivery.Language : null;
        if (delivery.Kind == WebChatDelivery.StartKind)
        {
            await turns.RunAsync(new IncomingMessage(conversationId, "/start", delivery.UserId, language, WebChatDelivery.StartDeliveryId), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (delivery.Activity is not { Id: { } activityId } activity)
        {
            return;
        }

        // The visitor's own message comes back to their client first; only then the reply.
        await transcript.AppendAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
        if (WebChatMessageText.Of(activity) is { } text)
        {
            await turns.RunAsync(new IncomingMessage(conversationId, text, delivery.UserId, activity.Locale ?? language, activityId), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Web chat delivery {Sequence} in the inbox is not readable; given up")]
    private partial void LogUnreadable(Exception exception, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web chat delivery {Sequence} failed (attempt {Attempts}); will retry")]
    private partial void LogRetry(Exception exception, long sequence, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Web chat delivery {Sequence} failed {Attempts} times; given up, the visitor told: {Told}")]
    private partial void LogGivenUp(Exception exception, long sequence, int attempts, bool told);
}
