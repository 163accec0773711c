using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>Renders the engine's reply for Telegram: HTML-escaped text and one inline button per row.</summary>
public static class TelegramReply
{
    public static TelegramOutgoing From(OutgoingMessage reply, TelegramChat chat)
    {
        InlineKeyboardMarkup? keyboard = null;
        if (reply.Choices.Count > 0)
        {
            var rows = new List<IReadOnlyList<InlineKeyboardButton>>(reply.Choices.Count);
            foreach (var choice in reply.Choices)
            {
                rows.Add([new InlineKeyboardButton(choice.Label, choice.Id)]);
            }

            keyboard = new InlineKeyboardMarkup(rows);
        }

        return new TelegramOutgoing(chat.Id, Escape(reply.Text), keyboard, !TelegramMessageText.IsPrivate(chat));
    }

    /// <summary>Telegram's HTML mode needs only &amp;, &lt; and &gt; escaped in text.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
