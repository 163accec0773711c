using RecipeBot.Core.Conversations;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// The Telegram outbox's channel: replies and proactive messages (reminders, prompts) to <c>telegram:{chat id}</c>,
/// through the rate-limited queue, so they keep each chat's order and Telegram's limits. Completes once Telegram took
/// the whole message.
/// </summary>
public sealed class TelegramChannelSender(ITelegramSender sender) : IChannelSender
{
    public string Prefix { get; } = ConversationKey.PrefixOf(ConversationKey.TelegramChannel);

    public async ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!ConversationKey.TryParseTelegram(message.ConversationId, out var chatId))
        {
            return SendOutcome.NoRoute;
        }

        // Telegram's group, supergroup and channel ids are negative, private chats' positive.
        var outgoing = TelegramReply.From(message, chatId, isGroup: chatId < 0);
        return await sender.SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
    }
}
