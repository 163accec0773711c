using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Core.Turns;

/// <summary>
/// The turn, the same for every channel: one at a time per conversation → skip a delivery handled before → load →
/// the engine → save the conversation, the delivery id and the reply (an outbox row) in one transaction. It is the
/// one error boundary: whatever the engine throws is logged and answered with a short apology in the user's
/// language, and a conversation that failed <see cref="FailuresBeforeReset"/> times in a row goes back to the menu.
/// Only the store failing (the disk, the database) propagates, and then nothing of the turn was saved.
/// </summary>
public sealed partial class TurnRunner(
    RecipeEngine engine,
    IConversationStore store,
    IOutboxStore outbox,
    OutboxSignal signal,
    ILogger<TurnRunner> logger)
{
    public const int FailuresBeforeReset = 3;

    private readonly ConversationGate _gate = new();

    public RecipeEngine Engine => engine;

    /// <summary>
    /// Runs the turn for <paramref name="message"/>; returns the reply (already in the outbox), or null when the
    /// conversation had handled <see cref="IncomingMessage.DeliveryId"/> before and nothing changed.
    /// </summary>
    public async Task<OutgoingMessage?> RunAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using (await _gate.EnterAsync(message.ConversationId, cancellationToken).ConfigureAwait(false))
        {
            var stored = await store.LoadAsync(message.ConversationId, cancellationToken).ConfigureAwait(false);
            var conversation = stored ?? engine.Begin(message.ConversationId, message.LanguageHint);
            if (message.DeliveryId is { } deliveryId && !conversation.TryRecordDelivery(deliveryId))
            {
                LogDuplicate(deliveryId, conversation.Id);
                return null;
            }

            OutgoingMessage reply;
            try
            {
                reply = await engine.RespondAsync(conversation, message, stored is null, cancellationToken).ConfigureAwait(false);
                conversation.Failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                (conversation, reply) = await RecoverAsync(message, e, cancellationToken).ConfigureAwait(false);
            }

            if (message.DeliveryId is not null)
            {
                reply = reply with { InReplyTo = message.DeliveryId };
            }

            if (conversation.Erased)
            {
                // The user had the conversation erased: nothing of it is saved again, only the farewell is queued.
                await outbox.AddAsync([reply], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await store.SaveAsync(conversation, [reply], cancellationToken).ConfigureAwait(false);
            }

            signal.Notify();
            return reply;
        }
    }

    /// <summary>
    /// A message the bot could not handle even after retries (the database kept failing): the user is told so in
    /// their language rather than left without an answer. Returns false when even that could not be written.
    /// </summary>
    public async Task<bool> ApologiseAsync(string conversationId, string? languageHint, CancellationToken cancellationToken)
    {
        try
        {
            var conversation = await store.LoadAsync(conversationId, cancellationToken).ConfigureAwait(false)
                ?? engine.Begin(conversationId, languageHint);
            await outbox.AddAsync([engine.Apologise(conversation, reset: false)], cancellationToken).ConfigureAwait(false);
            signal.Notify();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogApologyFailed(e, conversationId);
            return false;
        }
    }

    /// <summary>
    /// Erases the conversation with everything of it when its last turn is still before <paramref name="before"/>,
    /// between its turns (never in the middle of one); false when it was active since, or is gone.
    /// </summary>
    public async Task<bool> EraseIfInactiveAsync(string conversationId, DateTimeOffset before, Privacy.PersonalData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        using (await _gate.EnterAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            var conversation = await store.LoadAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (conversation is null || conversation.UpdatedAt >= before)
            {
                return false;
            }

            await data.EraseAsync(new Privacy.PersonalDataSubject(conversationId), cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Where the conversation stands (a terminal reopened); a new one is started and saved. Sends nothing.</summary>
    public async Task<OutgoingMessage> ShowAsync(string conversationId, string? languageHint, CancellationToken cancellationToken)
    {
        using (await _gate.EnterAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            var conversation = await store.LoadAsync(conversationId, cancellationToken).ConfigureAwait(false);
            var changed = conversation is null || conversation.Turns == 0;
            conversation ??= engine.Begin(conversationId, languageHint);
            var shown = engine.Show(conversation);
            if (changed)
            {
                await store.SaveAsync(conversation, [], cancellationToken).ConfigureAwait(false);
            }

            return shown;
        }
    }

    /// <summary>
    /// The engine threw: the conversation as it was before the turn (the engine may have half changed the copy it
    /// had), the delivery recorded, the failure counted, and an apology — or the menu after too many failures.
    /// </summary>
    private async Task<(Conversation Conversation, OutgoingMessage Reply)> RecoverAsync(IncomingMessage message, Exception error, CancellationToken cancellationToken)
    {
        var conversation = await store.LoadAsync(message.ConversationId, cancellationToken).ConfigureAwait(false)
            ?? engine.Begin(message.ConversationId, message.LanguageHint);
        if (message.DeliveryId is { } deliveryId)
        {
            conversation.TryRecordDelivery(deliveryId);
        }

        conversation.Failures++;
        var reset = conversation.Failures >= FailuresBeforeReset;
        LogTurnFailed(error, conversation.Id, conversation.State, conversation.Failures);
        if (reset)
        {
            conversation.Failures = 0;
        }

        return (conversation, engine.Apologise(conversation, reset));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation {ConversationId} could not even be told that its message failed")]
    private partial void LogApologyFailed(Exception exception, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} of conversation {ConversationId} was handled before; ignored")]
    private partial void LogDuplicate(string deliveryId, string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn of conversation {ConversationId} in state {State} failed ({Failures} in a row); the user got an apology")]
    private partial void LogTurnFailed(Exception exception, string conversationId, string state, int failures);
}
