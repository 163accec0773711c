using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Handles one update: dispatches by kind to a small handler, runs the turn and queues the
/// reply. Unknown kinds are skipped. Exceptions propagate to the inbox processor, which
/// retries a few times and then gives the update up without stopping the others.
/// </summary>
public sealed class TelegramUpdateHandler(
    RecipeEngine engine,
    ITelegramBotApi api,
    ITelegramSender sender,
    IChatDirectory chats,
    TelegramBotIdentity identity,
    ILogger<TelegramUpdateHandler> logger)
{
    public static string ConversationId(long chatId) => $"telegram:{chatId}";

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
        // Answered first, so the user's button stops spinning whatever happens next.
        await api.AnswerCallbackQueryAsync(query.Id, null, cancellationToken).ConfigureAwait(false);
        if (query.Message is not { } message || string.IsNullOrEmpty(query.Data))
        {
            return;
        }

        // The pressed message's buttons are spent; the reply brings the current ones.
        await TryRemoveKeyboardAsync(message, cancellationToken).ConfigureAwait(false);
        await TurnAsync(message.Chat, updateId, query.Data, query.From, cancellationToken).ConfigureAwait(false);
    }

    private async Task TurnAsync(TelegramChat chat, long updateId, string text, TelegramUser? from, CancellationToken cancellationToken)
    {
        var reply = await engine.HandleDeliveryAsync(Incoming(chat, updateId, text, from), cancellationToken).ConfigureAwait(false);
        if (reply is not null)
        {
            await sender.EnqueueAsync(TelegramReply.From(reply, chat), cancellationToken).ConfigureAwait(false);
        }
    }

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
