using System.Text.Json;
using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Channels.Teams.Schema;

namespace RecipeBot.Channels.Teams.Tests.Units;

public sealed class TeamsMessageTextTests
{
    private static readonly ChannelAccount Bot = new("28:bot", "RecipeBot");

    private static TeamsActivity Message(string? text, string type = "personal", IReadOnlyList<Entity>? entities = null, string? value = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = Bot,
        Conversation = new ConversationAccount("c") { ConversationType = type },
        Entities = entities,
        Value = value is null ? null : JsonDocument.Parse(value).RootElement,
    };

    private static Entity MentionOf(ChannelAccount who) => new(Entity.MentionType) { Mentioned = who, Text = $"<at>{who.Name}</at>" };

    [Fact]
    public void InAPersonalChat_EveryMessageIsForTheBot() =>
        Assert.Equal("we cannot find NGOs", TeamsMessageText.ForBot(Message("  we cannot find NGOs ")));

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public void InAGroup_AMessageWithoutAMention_IsNotForTheBot(string type) =>
        Assert.Null(TeamsMessageText.ForBot(Message("hello all", type)));

    [Fact]
    public void InAGroup_TheMentionIsStripped() =>
        Assert.Equal("2", TeamsMessageText.ForBot(Message("<at>RecipeBot</at>&nbsp;2", "groupChat", [MentionOf(Bot)])));

    [Fact]
    public void InAGroup_AMentionOfSomeoneElse_DoesNotCount() =>
        Assert.Null(TeamsMessageText.ForBot(Message("<at>Mari</at> see this", "channel", [MentionOf(new ChannelAccount("29:mari", "Mari"))])));

    [Fact]
    public void InAGroup_AMentionTagWithoutAnEntity_StillCounts() =>
        Assert.Equal("/help", TeamsMessageText.ForBot(Message("/help <at>RecipeBot</at>", "groupChat")));

    [Fact]
    public void InAGroup_AMentionAlone_AsksForHelp() =>
        Assert.Equal("/help", TeamsMessageText.ForBot(Message("<at>RecipeBot</at>", "channel", [MentionOf(Bot)])));

    [Fact]
    public void AButtonValue_WinsOverTheText_AndNeedsNoMention() =>
        Assert.Equal("no-partners", TeamsMessageText.ForBot(Message("We cannot find partners", "channel", value: """{"choice": "no-partners"}""")));

    [Theory]
    [InlineData("""{"choice": 3}""")]
    [InlineData("""{"choice": ""}""")]
    [InlineData("""["no-partners"]""")]
    public void AValueWithoutAChoice_IsIgnored(string value) =>
        Assert.Equal("typed", TeamsMessageText.ForBot(Message("typed", value: value)));

    [Fact]
    public void ANullEntity_IsSkipped() =>
        Assert.Equal("2", TeamsMessageText.ForBot(Message("<at>RecipeBot</at> 2", "groupChat", [null!, MentionOf(Bot)])));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void AMentionWithoutItsText_CountsAndTheTagIsStillRemoved(string? mentionText) =>
        Assert.Equal("2", TeamsMessageText.ForBot(Message("<at>RecipeBot</at> 2", "groupChat", [MentionOf(Bot) with { Text = mentionText }])));

    [Fact]
    public void AMentionOfTheBotWithoutNameOrText_StillCounts() =>
        Assert.Equal("hello", TeamsMessageText.ForBot(Message("hello", "channel", [new Entity(Entity.MentionType) { Mentioned = new ChannelAccount(Bot.Id), Text = "" }])));
}
