using System.Text;

namespace RecipeBot.Channels.Telegram.Api;

/// <summary>A button of an inline keyboard that sends <see cref="CallbackData"/> back when pressed.</summary>
/// <remarks>
/// Telegram rejects the whole message when one button's data is outside 1–64 bytes, so the limit is
/// checked here, where the offending button is still known, rather than in a 400 from sendMessage.
/// </remarks>
public sealed record InlineKeyboardButton
{
    public const int MaxCallbackDataBytes = 64;

    public InlineKeyboardButton(string text, string callbackData)
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

        Text = text;
        CallbackData = callbackData;
    }

    public string Text { get; }

    public string CallbackData { get; }
}
