using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Receiving;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

public sealed class TelegramMessageTextTests
{
    private static readonly TelegramUser Bot = new(99, true, "RecipeBot") { Username = "RecipeTestBot" };
    private static readonly TelegramChat Group = new(-1001, "supergroup");

    private static TelegramMessage InGroup(string text, params MessageEntity[] entities) =>
        new(1, Group, 0) { Text = text, Entities = entities, From = new TelegramUser(7, false, "Mari") };

    [Theory]
    [InlineData("hello everyone", null)]
    [InlineData("/help", "/help")]
    [InlineData("/help@RecipeTestBot", "/help@RecipeTestBot")]
    [InlineData("/help@SomeOtherBot", null)]
    [InlineData("@RecipeTestBot 2", "2")]
    [InlineData("what do you think, @recipetestbot?", "what do you think, ?")]
    [InlineData("@RecipeTestBot", "/help")]
    [InlineData("@RecipeTestBotFan hello", null)]
    public void InAGroup_OnlyCommandsAndMentionsAreForTheBot(string text, string? expected)
    {
        Assert.Equal(expected, TelegramMessageText.ForBot(InGroup(text), Bot));
    }

    [Fact]
    public void ATextMentionOfTheBot_IsStripped()
    {
        var message = InGroup("Robot please help", new MessageEntity("text_mention", 0, 5) { User = Bot });

        Assert.Equal("please help", TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void AReplyToTheBotsMessage_IsForTheBot()
    {
        var message = InGroup("the second one") with { ReplyToMessage = new TelegramMessage(5, Group, 0) { From = Bot } };

        Assert.Equal("the second one", TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void InAPrivateChat_EveryTextIsForTheBot()
    {
        var message = new TelegramMessage(1, new TelegramChat(7, "private"), 0) { Text = "hello there" };

        Assert.Equal("hello there", TelegramMessageText.ForBot(message, Bot));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(-5, 3)]
    [InlineData(0, -1)]
    [InlineData(14, 5)]
    [InlineData(30, 1)]
    [InlineData(int.MaxValue, 1)]
    [InlineData(1, int.MaxValue)]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void ATextMentionOutsideTheText_IsIgnored(int offset, int length)
    {
        var message = InGroup("Robot please help", new MessageEntity("text_mention", offset, length) { User = Bot });

        Assert.Null(TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void AnInvalidTextMention_DoesNotHideAValidMentionByName()
    {
        var message = InGroup("@RecipeTestBot 2", new MessageEntity("text_mention", -3, 2) { User = Bot });

        Assert.Equal("2", TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void ATextMentionBeforeAnEmoji_CountsInUtf16Units()
    {
        var message = InGroup("🙂 Robot aitäh", new MessageEntity("text_mention", 3, 5) { User = Bot });

        Assert.Equal("🙂  aitäh", TelegramMessageText.ForBot(message, Bot));
    }
}
