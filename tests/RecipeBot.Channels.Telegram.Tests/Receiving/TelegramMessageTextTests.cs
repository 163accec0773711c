using RecipeBot.Channels.Telegram.Receiving;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

public sealed class TelegramMessageTextTests
{
    private static readonly User Bot = new() { Id = 99, IsBot = true, FirstName = "RecipeBot", Username = "RecipeTestBot" };
    private static readonly Chat Group = new() { Id = -1001, Type = ChatType.Supergroup };

    private static Message InGroup(string text, params MessageEntity[] entities) =>
        new() { Id = 1, Chat = Group, Text = text, Entities = entities, From = new User { Id = 7, FirstName = "Mari" } };

    private static MessageEntity TextMention(int offset, int length) =>
        new() { Type = MessageEntityType.TextMention, Offset = offset, Length = length, User = Bot };

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
        var message = InGroup("Robot please help", TextMention(0, 5));

        Assert.Equal("please help", TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void AReplyToTheBotsMessage_IsForTheBot()
    {
        var message = InGroup("the second one");
        message.ReplyToMessage = new Message { Id = 5, Chat = Group, From = Bot };

        Assert.Equal("the second one", TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void InAPrivateChat_EveryTextIsForTheBot()
    {
        var message = new Message { Id = 1, Chat = new Chat { Id = 7, Type = ChatType.Private }, Text = "hello there" };

        Assert.Equal("hello there", TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void AMessageWithoutAChat_IsNotForTheBot()
    {
        // Telegram.Bot reads a message some server sent without its chat as one whose chat is null.
        var message = new Message { Id = 1, Chat = null!, Text = "hello there" };

        Assert.Null(TelegramMessageText.ForBot(message, Bot));
    }

    [Theory]
    [InlineData("@ hello", null)]
    [InlineData("/help@SomeOtherBot", null)]
    [InlineData("/help", "/help")]
    public void ABotWithoutAUsername_IsAddressedByNoName(string text, string? expected)
    {
        var nameless = new User { Id = 99, IsBot = true, FirstName = "RecipeBot" };

        Assert.Equal(expected, TelegramMessageText.ForBot(InGroup(text), nameless));
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
        var message = InGroup("Robot please help", TextMention(offset, length));

        Assert.Null(TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void AnInvalidTextMention_DoesNotHideAValidMentionByName()
    {
        var message = InGroup("@RecipeTestBot 2", TextMention(-3, 2));

        Assert.Equal("2", TelegramMessageText.ForBot(message, Bot));
    }

    [Fact]
    public void ATextMentionBeforeAnEmoji_CountsInUtf16Units()
    {
        var message = InGroup("🙂 Robot aitäh", TextMention(3, 5));

        Assert.Equal("🙂  aitäh", TelegramMessageText.ForBot(message, Bot));
    }
}
