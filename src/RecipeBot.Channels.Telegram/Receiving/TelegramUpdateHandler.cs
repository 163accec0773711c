using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Client;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Turns;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Handles one update: dispatches by kind to a small handler and runs the turn, which writes
/// the reply to the outbox. Unknown kinds are skipped. Only storage failures propagate (the
/// turn runner answers everything else); the inbox processor retries those.
/// </summary>
public sealed class TelegramUpdateHandler(
    TurnRunner turns,
    ITelegramBotClient bot,
    IChatDirectory chats,
    TelegramBotIdentity identity,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>Callback answers and keyboard edits on their way at once.</summary>
    public const int MaxAcknowledgements = 256;

    /// <summary>Presses waiting for their answer beyond which a press goes unanswered (its spinner stops on its own).</summary>
    public const int MaxWaitingAcknowledgements = 4096;

    private readonly SemaphoreSlim _acknowledgements = new(MaxAcknowledgements);
    private int _waiting;

    public static string ConversationId(long chatId) => ConversationKey.Telegram(chatId).ToString();

    public Task HandleAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { MigrateToChatId: { } newId, Chat: { } chat } } => MigrateAsync(chat.Id, newId, cancellationToken),
        { Message: { } m } => OnMessageAsync(update.Id, m, cancellationToken),
        { CallbackQuery: { } q } => OnCallbackAsync(update.Id, q, cancellationToken),
        { MyChatMember: { Chat: not null, NewChatMember: not null } member } => OnMembershipAsync(member, cancellationToken),
        _ => Skip(update),
    };

    private async Task OnMessageAsync(long updateId, Message message, CancellationToken cancellationToken)
    {
        var me = await identity.WhenKnownAsync(cancellationToken).ConfigureAwait(false);
        if (message.From?.IsBot == true || TelegramMessageText.ForBot(message, me) is not { } text)
        {
            return;
        }

        if (text.StartsWith("/start", StringComparison.Ordinal))
        {
            // A user who blocked the bot and comes back presses "Restart", which sends /start (Telegram also tells of
            // the unblocking, see OnMembershipAsync). A chat that is active is not written again, only read.
            var conversationId = ConversationId(message.Chat.Id);
            if (!await chats.IsActiveAsync(conversationId, cancellationToken).ConfigureAwait(false))
            {
                await chats.SetActiveAsync(conversationId, true, cancellationToken).ConfigureAwait(false);
            }
        }

        await TurnAsync(message.Chat, updateId, text, message.From, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnCallbackAsync(long updateId, CallbackQuery query, CancellationToken cancellationToken)
    {
        // The press is answered (the button stops spinning) and the pressed message's buttons removed alongside the
        // turn, not before it: the reply then leaves about one round trip after the bot took the press.
        var message = query.Message is { Chat: not null } pressed && !string.IsNullOrEmpty(query.Data) ? pressed : null;
        Acknowledge(updateId, query.Id, message, cancellationToken);
        if (message is null)
        {
            return;
        }

        await TurnAsync(message.Chat, updateId, query.Data!, query.From, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts answering the callback query and removing the spent keyboard without waiting for Telegram, nor for a
    /// free slot: at most <see cref="MaxAcknowledgements"/> are on their way at once and the rest wait their turn in
    /// the background, so the press's turn never waits behind other presses' answers. Failures are logged only: a
    /// query too old to answer (after a restart) is still a press the user made.
    /// </summary>
    private void Acknowledge(long updateId, string queryId, Message? message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _waiting) > MaxWaitingAcknowledgements)
        {
            Interlocked.Decrement(ref _waiting);
            logger.LogDebug("Too many presses waiting for their answer; update {UpdateId} goes unanswered", updateId);
            return;
        }

        _ = Task.Run(
            async () =>
            {
                try
                {
                    await _acknowledgements.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var answer = AnswerAsync(updateId, queryId);
                        var edit = message is null ? Task.CompletedTask : TryRemoveKeyboardAsync(message, CancellationToken.None);
                        await Task.WhenAll(answer, edit).ConfigureAwait(false);
                    }
                    finally
                    {
                        _acknowledgements.Release();
                    }
                }
                catch (Exception e)
                {
                    logger.LogDebug(e, "Acknowledging the press of update {UpdateId} failed", updateId);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
            },
            CancellationToken.None);
    }

    private async Task AnswerAsync(long updateId, string queryId)
    {
        try
        {
            await bot.SendAsync(new AnswerCallbackQueryRequest { CallbackQueryId = queryId }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            logger.LogDebug(e, "Could not answer callback query of update {UpdateId}", updateId);
        }
    }

    /// <summary>The turn writes its reply to the outbox with the conversation; the outbox sender delivers it.</summary>
    private Task TurnAsync(Chat chat, long updateId, string text, User? from, CancellationToken cancellationToken) =>
        turns.RunAsync(Incoming(chat, updateId, text, from), cancellationToken);

    /// <summary>What the engine hears: the chat is the conversation, a group is marked so that only some may change its meetings.</summary>
    internal static IncomingMessage Incoming(Chat chat, long updateId, string text, User? from) => new(
        ConversationId(chat.Id),
        text,
        from?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        from?.LanguageCode,
        updateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IsGroup: chat.Type is ChatType.Group or ChatType.Supergroup or ChatType.Channel);

    private async Task TryRemoveKeyboardAsync(Message message, CancellationToken cancellationToken)
    {
        try
        {
            // Without reply_markup the keyboard goes.
            var edit = new EditMessageReplyMarkupRequest { ChatId = message.Chat.Id, MessageId = message.Id };
            await bot.SendAsync(edit, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            // An old message may no longer be editable; the turn goes on regardless.
            logger.LogDebug(e, "Could not remove the keyboard of message {MessageId} in chat {ChatId}", message.Id, message.Chat.Id);
        }
    }

    private async Task MigrateAsync(long oldId, long newId, CancellationToken cancellationToken)
    {
        logger.LogInformation("Chat {OldChatId} became supergroup {NewChatId}; moving its conversation", oldId, newId);
        await chats.MigrateAsync(ConversationId(oldId), ConversationId(newId), cancellationToken).ConfigureAwait(false);
    }

    private async Task OnMembershipAsync(ChatMemberUpdated member, CancellationToken cancellationToken)
    {
        var active = member.NewChatMember.Status is not (ChatMemberStatus.Kicked or ChatMemberStatus.Left);
        logger.LogInformation("The bot's membership in chat {ChatId} is now {Status}", member.Chat.Id, member.NewChatMember.Status);
        await chats.SetActiveAsync(ConversationId(member.Chat.Id), active, cancellationToken).ConfigureAwait(false);
    }

    private Task Skip(Update update)
    {
        logger.LogDebug("Update {UpdateId} is of a kind the bot does not handle; skipped", update.Id);
        return Task.CompletedTask;
    }
}
