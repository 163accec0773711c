using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Handles one update: dispatches by kind to a small handler and runs the turn, which writes
/// the reply to the outbox. Unknown kinds are skipped. Only storage failures propagate (the
/// turn runner answers everything else); the inbox processor retries those.
/// </summary>
public sealed class TelegramUpdateHandler(
    TurnRunner turns,
    ITelegramBotApi api,
    IChatDirectory chats,
    TelegramBotIdentity identity,
    ILogger<TelegramUpdateHandler> logger)
{
    public static string ConversationId(long chatId) => ConversationKey.Telegram(chatId).ToString();

    public Task HandleAsync(TelegramUpdate update, CancellationToken cancellationToken) => update switch
    {
        { Message: { MigrateToChatId: { } newId } m } => MigrateAsync(m.Chat.Id, newId, cancellationToken),
        { Message: { } m } => OnMessageAsync(update.UpdateId, m, cancellationToken),
        { CallbackQuery: { } q } => OnCallbackAsync(update.UpdateId, q, cancellationToken),
        { MyChatMember: { } member } => OnMembershipAsync(member, cancellationToken),
        _ => Skip(update),
    };

    private async Task OnMessageAsync(long updateId, TelegramMessage message, CancellationToken cancellationToken)
    {
        var bot = await identity.WhenKnownAsync(cancellationToken).ConfigureAwait(false);
        if (message.From?.IsBot == true || TelegramMessageText.ForBot(message, bot) is not { } text)
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
            await api.AnswerCallbackQueryAsync(query.Id, null, cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException e)
        {
            logger.LogDebug(e, "Could not answer callback query of update {UpdateId}", updateId);
        }
        if (query.Message is not { } message || string.IsNullOrEmpty(query.Data))
        {
            return;
        }

        // The pressed message's buttons are spent; the reply brings the current ones.
        await TryRemoveKeyboardAsync(message, cancellationToken).ConfigureAwait(false);
        await TurnAsync(message.Chat, updateId, query.Data, query.From, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The turn writes its reply to the outbox with the conversation; the outbox sender delivers it.</summary>
    private Task TurnAsync(TelegramChat chat, long updateId, string text, TelegramUser? from, CancellationToken cancellationToken) =>
        turns.RunAsync(Incoming(chat, updateId, text, from), cancellationToken);

    /// <summary>What the engine hears: the chat is the conversation, a group is marked so that only some may change its meetings.</summary>
    internal static IncomingMessage Incoming(TelegramChat chat, long updateId, string text, TelegramUser? from) => new(
        ConversationId(chat.Id),
        text,
        from?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        from?.LanguageCode,
        updateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IsGroup: chat.Type is "group" or "supergroup" or "channel");

    private async Task TryRemoveKeyboardAsync(TelegramMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await api.EditMessageReplyMarkupAsync(message.Chat.Id, message.MessageId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException e)
        {
            // An old message may no longer be editable; the turn goes on regardless.
            logger.LogDebug(e, "Could not remove the keyboard of message {MessageId} in chat {ChatId}", message.MessageId, message.Chat.Id);
        }
    }

    private async Task MigrateAsync(long oldId, long newId, CancellationToken cancellationToken)
    {
        logger.LogInformation("Chat {OldChatId} became supergroup {NewChatId}; moving its conversation", oldId, newId);
        await chats.MigrateAsync(ConversationId(oldId), ConversationId(newId), cancellationToken).ConfigureAwait(false);
    }

    private async Task OnMembershipAsync(ChatMemberUpdated member, CancellationToken cancellationToken)
    {
        var active = member.NewChatMember.Status is not ("kicked" or "left");
        logger.LogInformation("The bot's membership in chat {ChatId} is now {Status}", member.Chat.Id, member.NewChatMember.Status);
        await chats.SetActiveAsync(ConversationId(member.Chat.Id), active, cancellationToken).ConfigureAwait(false);
    }

    private Task Skip(TelegramUpdate update)
    {
        logger.LogDebug("Update {UpdateId} is of a kind the bot does not handle; skipped", update.UpdateId);
        return Task.CompletedTask;
    }
}
