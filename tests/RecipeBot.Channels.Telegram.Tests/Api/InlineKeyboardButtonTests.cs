using System.Text.Json;
using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Tests.Api;

public sealed class InlineKeyboardButtonTests
{
    [Fact]
    public void CallbackDataOf64Bytes_IsAccepted()
    {
        var data = new string('a', 64);

        var button = new InlineKeyboardButton("Pick", data);

        Assert.Equal(data, button.CallbackData);
    }

    [Fact]
    public void CallbackDataOver64Bytes_IsRejected()
    {
        var data = new string('a', 65);

        var exception = Assert.Throws<ArgumentException>(() => new InlineKeyboardButton("Pick", data));

        Assert.Equal("callbackData", exception.ParamName);
        Assert.StartsWith($"Telegram allows at most 64 bytes of callback data, but \"{data}\" has 65 in UTF-8.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallbackDataLimit_CountsUtf8BytesNotCharacters()
    {
        var cyrillic = new string('ж', 33);

        var exception = Assert.Throws<ArgumentException>(() => new InlineKeyboardButton("Pick", cyrillic));

        Assert.Contains("has 66 in UTF-8", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "data")]
    [InlineData("Pick", "")]
    public void EmptyTextOrCallbackData_IsRejected(string text, string data)
    {
        Assert.Throws<ArgumentException>(() => new InlineKeyboardButton(text, data));
    }

    [Fact]
    public void Keyboard_SerializesAsTelegramExpects()
    {
        var keyboard = new InlineKeyboardMarkup([[new InlineKeyboardButton("A", "a"), new InlineKeyboardButton("B", "b")], [new InlineKeyboardButton("C", "c")]]);

        var json = JsonSerializer.Serialize(keyboard, TelegramJson.Options);

        Assert.Equal(
            """{"inline_keyboard":[[{"text":"A","callback_data":"a"},{"text":"B","callback_data":"b"}],[{"text":"C","callback_data":"c"}]]}""",
            json);
    }

    [Fact]
    public void SingleColumn_PutsEachButtonOnItsOwnRow()
    {
        var keyboard = InlineKeyboardMarkup.SingleColumn([new InlineKeyboardButton("A", "a"), new InlineKeyboardButton("B", "b")]);

        Assert.Equal(["a", "b"], keyboard.InlineKeyboard.Select(row => Assert.Single(row).CallbackData));
    }
}
