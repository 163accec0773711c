using System.Text.Json;
using RecipeBot.Channels.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

public sealed class TelegramKeyboardTests
{
    [Fact]
    public void CallbackDataOf64Bytes_IsAccepted()
    {
        var data = new string('a', 64);

        var button = TelegramKeyboard.CallbackButton("Pick", data);

        Assert.Equal(data, button.CallbackData);
    }

    [Fact]
    public void CallbackDataOver64Bytes_IsRejected()
    {
        var data = new string('a', 65);

        var exception = Assert.Throws<ArgumentException>(() => TelegramKeyboard.CallbackButton("Pick", data));

        Assert.Equal("callbackData", exception.ParamName);
        Assert.StartsWith($"Telegram allows at most 64 bytes of callback data, but \"{data}\" has 65 in UTF-8.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallbackDataLimit_CountsUtf8BytesNotCharacters()
    {
        var cyrillic = new string('ж', 33);

        var exception = Assert.Throws<ArgumentException>(() => TelegramKeyboard.CallbackButton("Pick", cyrillic));

        Assert.Contains("has 66 in UTF-8", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "data")]
    [InlineData("Pick", "")]
    public void EmptyTextOrCallbackData_IsRejected(string text, string data)
    {
        Assert.Throws<ArgumentException>(() => TelegramKeyboard.CallbackButton(text, data));
    }

    [Fact]
    public void SingleColumn_PutsEachButtonOnItsOwnRow_AsTelegramExpectsIt()
    {
        var keyboard = TelegramKeyboard.SingleColumn([TelegramKeyboard.CallbackButton("A", "a"), TelegramKeyboard.CallbackButton("B", "b")]);

        var json = JsonSerializer.Serialize<InlineKeyboardMarkup>(keyboard, JsonBotAPI.Options);

        Assert.Equal("""{"inline_keyboard":[[{"text":"A","callback_data":"a"}],[{"text":"B","callback_data":"b"}]]}""", json);
    }
}
