using System.Globalization;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>
/// Proactive messages (reminders, prompts) to <c>telegram:{chat id}</c>, through the same rate-limited queue as
/// replies, so they keep each chat's order and Telegram's limits. Completes once Telegram took the whole message.
/// </summary>
public sealed class TelegramChannelSender(ITelegramSender sender) : IChannelSender
{
    public string Prefix => "telegram:";

    public async ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TryParseChatId(message.ConversationId, out var chatId))
        {
            return SendOutcome.NoRoute;
        }

        // Telegram's group, supergroup and channel ids are negative, private chats' positive.
        var outgoing = TelegramReply.From(message, chatId, isGroup: chatId < 0);
        return await sender.SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
    }

    private bool TryParseChatId(string conversationId, out long chatId)
    {
        chatId = 0;
        return conversationId.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(conversationId.AsSpan(Prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId)
            && chatId != 0;
    }
}
