using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Engine;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Renders the engine's reply for Telegram: HTML-escaped text, one inline button per row, and the attachment
/// (a meeting's .ics) as a document after the text.
/// </summary>
public static class TelegramReply
{
    public static TelegramOutgoing From(OutgoingMessage reply, Chat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return From(reply, chat.Id, !TelegramMessageText.IsPrivate(chat));
    }

    /// <summary>For a chat known only by its id (a proactive message), where <paramref name="isGroup"/> picks the group limits.</summary>
    public static TelegramOutgoing From(OutgoingMessage reply, long chatId, bool isGroup)
    {
        ArgumentNullException.ThrowIfNull(reply);
        InlineKeyboardMarkup? keyboard = null;
        if (reply.Choices.Count > 0)
        {
            var buttons = new List<InlineKeyboardButton>(reply.Choices.Count);
            foreach (var choice in reply.Choices)
            {
                buttons.Add(TelegramKeyboard.CallbackButton(choice.Label, choice.Id));
            }

            keyboard = TelegramKeyboard.SingleColumn(buttons);
        }

        return new TelegramOutgoing(chatId, Escape(reply.Text), keyboard, isGroup, reply.Attachment);
    }

    /// <summary>Telegram's HTML mode needs only &amp;, &lt; and &gt; escaped in text.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
