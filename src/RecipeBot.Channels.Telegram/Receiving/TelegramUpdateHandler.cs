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
            // A user who blocked the bot and comes back presses "Restart", which sends /start.
            await chats.SetActiveAsync(ConversationId(message.Chat.Id), true, cancellationToken).ConfigureAwait(false);
        }

        await TurnAsync(message.Chat, updateId, text, message.From, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnCallbackAsync(long updateId, CallbackQuery query, CancellationToken cancellationToken)
    {
        // Answered first, so the user's button stops spinning whatever happens next. A query too old to answer
        // (after a restart) is still a press the user made: the turn goes on.
        try
        {
            await bot.CallAsync(new AnswerCallbackQueryRequest { CallbackQueryId = query.Id }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            logger.LogDebug(e, "Could not answer callback query of update {UpdateId}", updateId);
        }
        if (query.Message is not { Chat: not null } message || string.IsNullOrEmpty(query.Data))
        {
            return;
        }

        // The pressed message's buttons are spent; the reply brings the current ones.
        await TryRemoveKeyboardAsync(message, cancellationToken).ConfigureAwait(false);
        await TurnAsync(message.Chat, updateId, query.Data, query.From, cancellationToken).ConfigureAwait(false);
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
            await bot.CallAsync(edit, cancellationToken).ConfigureAwait(false);
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
