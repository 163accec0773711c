using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Tests.Dialogs;

public sealed class ValueTests
{
    [Theory]
    [InlineData("telegram:123", "telegram", "123")]
    [InlineData("telegram:-1001234567890", "telegram", "-1001234567890")]
    [InlineData("teams:29:1a2b-c3", "teams", "29:1a2b-c3")]
    public void AConversationKey_IsTheChannelAndItsOwnId(string text, string channel, string id)
    {
        var key = ConversationKey.Parse(text);

        Assert.Equal((channel, id), (key.Channel, key.Id));
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData("telegram:-1001234567890", -1001234567890)]
    [InlineData("telegram:42", 42)]
    public void ATelegramKey_GivesItsChatId(string text, long chatId)
    {
        Assert.True(ConversationKey.TryParseTelegram(text, out var parsed));
        Assert.Equal(chatId, parsed);
        Assert.Equal(text, ConversationKey.Telegram(chatId).ToString());
    }

    [Theory]
    [InlineData("teams:42")]
    [InlineData("telegram:0")]
    [InlineData("telegram:abc")]
    [InlineData("telegram:99999999999999999999")]
    [InlineData("telegram:")]
    [InlineData(null)]
    public void AnythingElse_IsNoTelegramChat(string? text) =>
        Assert.False(ConversationKey.TryParseTelegram(text, out _));

    [Fact]
    public void EachChannelsKeys_StartWithItsPrefix()
    {
        Assert.StartsWith(ConversationKey.PrefixOf(ConversationKey.TeamsChannel), ConversationKey.Teams("19:abc@thread.v2").ToString(), StringComparison.Ordinal);
        Assert.Equal("terminal:local", ConversationKey.Terminal("local").ToString());
        Assert.Equal("19:abc@thread.v2", ConversationKey.Parse(ConversationKey.Teams("19:abc@thread.v2").ToString()).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("local")]
    [InlineData(":123")]
    [InlineData("telegram:")]
    public void AConversationKeyWithoutChannelOrId_IsNoKey(string text)
    {
        Assert.False(ConversationKey.TryParse(text, out _));
        Assert.Equal($"'{text}' is not a conversation key such as 'telegram:123'.", Assert.Throws<FormatException>(() => ConversationKey.Parse(text)).Message);
    }

    [Fact]
    public void ATelegramChat_HasItsKey_AndItsUsersAreWrittenTheSameWay()
    {
        var key = ConversationKey.Telegram(-100123);

        Assert.Equal("telegram:-100123", key.ToString());
        Assert.Equal("telegram:42", key.UserOfChannel("42"));
    }

    [Fact]
    public void TheTemplate_FillsEachPlaceholderOnce_AndLeavesUnknownOnesAndValuesAlone()
    {
        var text = TextTemplate.Render("{a} and {b}, {unknown} {a}", ("a", "{b}"), ("b", "2"));

        Assert.Equal("{b} and 2, {unknown} {b}", text);
        Assert.Equal("no placeholders", TextTemplate.Render("no placeholders", ("a", "1")));
        Assert.Equal("{open", TextTemplate.Render("{open", ("open", "1")));
    }

    [Fact]
    public void TheTemplate_ListsItsPlaceholdersInOrder_EachOnce() =>
        Assert.Equal(["weekday", "day", "month"], TextTemplate.Placeholders("{weekday} {day}. {month} {day}"));

    [Theory]
    [InlineData("2", "sched:save")]
    [InlineData("2.", "sched:save")]
    [InlineData("  SAVE it! ", "sched:edit")]
    [InlineData("Ühenda", "sched:cancel")]
    [InlineData("uhenda", "sched:cancel")]
    [InlineData("sched:edit", "sched:edit")]
    public void TheMatcher_FindsAButton_ByIdNumberOrFoldedLabel(string typed, string expected)
    {
        List<ChoiceView> choices = [new("sched:cancel", "Ühenda"), new("sched:save", "Save"), new("sched:edit", "Save it")];

        Assert.Equal(expected, ChoiceMatcher.Match(typed, choices)?.Id);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("+1")]
    [InlineData("Saved")]
    public void TheMatcher_FindsNothing_ForAnythingElse(string typed)
    {
        List<ChoiceView> choices = [new("a", "Save"), new("b", "Cancel"), new("c", "Edit")];

        Assert.Null(ChoiceMatcher.Match(typed, choices));
    }

    [Fact]
    public void TheMatcher_TakesNoNumbers_WhenANumberMeansSomethingElse()
    {
        List<ChoiceView> choices = [new("sched:time:09:00", "09:00")];

        Assert.Null(ChoiceMatcher.Match("1", choices, byNumber: false));
        Assert.Equal("sched:time:09:00", ChoiceMatcher.Match("09:00", choices, byNumber: false)?.Id);
    }
}
