using System.Text;
using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>Inline keyboards of callback buttons, checked against Telegram's limits while the offending button is still known.</summary>
public static class TelegramKeyboard
{
    public const int MaxCallbackDataBytes = 64;

    /// <summary>A button that sends <paramref name="callbackData"/> back when pressed.</summary>
    /// <exception cref="ArgumentException">
    /// The data is empty or over 64 bytes in UTF-8: Telegram would refuse the whole message with a 400.
    /// </exception>
    public static InlineKeyboardButton CallbackButton(string text, string callbackData)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(callbackData);
        var bytes = Encoding.UTF8.GetByteCount(callbackData);
        if (bytes > MaxCallbackDataBytes)
        {
            throw new ArgumentException(
                $"Telegram allows at most {MaxCallbackDataBytes} bytes of callback data, but \"{callbackData}\" has {bytes} in UTF-8.",
                nameof(callbackData));
        }

        return InlineKeyboardButton.WithCallbackData(text, callbackData);
    }

    /// <summary>One button per row, the usual layout for a list of choices.</summary>
    public static InlineKeyboardMarkup SingleColumn(IEnumerable<InlineKeyboardButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var rows = new List<InlineKeyboardButton[]>();
        foreach (var button in buttons)
        {
            rows.Add([button]);
        }

        return new InlineKeyboardMarkup((IEnumerable<IEnumerable<InlineKeyboardButton>>)rows);
    }
}
