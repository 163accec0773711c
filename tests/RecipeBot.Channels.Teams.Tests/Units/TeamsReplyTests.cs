using System.Text;
using System.Text.Json;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Channels.Teams.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Tests.Units;

public sealed class TeamsReplyTests
{
    private static readonly ConversationReference Reference = new("teams:c-1", "msteams", "https://smba.trafficmanager.net/emea/", "c-1", "28:bot", "RecipeBot", "29:user", "Anna", "tenant", "personal");

    private static OutgoingMessage Reply(int choices) =>
        new("teams:c-1", "Line one\nLine two", [.. Enumerable.Range(1, choices).Select(i => new ChoiceView($"choice-{i}", $"Choice {i}"))], [], "state", "et");

    [Fact]
    public void Choices_BecomeMessageBackButtons_ThatSendTheChoiceId()
    {
        var activity = TeamsReply.From(Reply(2), Reference, "activity-7");

        var card = Assert.IsType<HeroCard>(Assert.Single(activity.Attachments!).Content);
        var button = card.Buttons[0];
        Assert.Equal(CardAction.MessageBack, button.Type);
        Assert.Equal("Choice 1", button.Title);
        Assert.Equal("Choice 1", button.DisplayText);
        Assert.Equal("choice-1", button.Text);
        Assert.Equal("""{"type":"messageBack","title":"Choice 1","text":"choice-1","displayText":"Choice 1","value":{"choice":"choice-1"}}""", JsonSerializer.Serialize(button, TeamsJson.Options));
        Assert.Equal("activity-7", activity.ReplyToId);
        Assert.Equal("Line one\nLine two", activity.Text);
        Assert.Equal("et", activity.Locale);
        Assert.Equal("28:bot", activity.From!.Id);
        Assert.Equal("c-1", activity.Conversation!.Id);
    }

    [Theory]
    [InlineData(6, new[] { 6 })]
    [InlineData(7, new[] { 6, 1 })]
    [InlineData(13, new[] { 6, 6, 1 })]
    public void MoreThanSixChoices_AreSpreadOverCardsOfSix(int choices, int[] perCard)
    {
        var activity = TeamsReply.From(Reply(choices), Reference);

        Assert.Equal(perCard, activity.Attachments!.Select(a => ((HeroCard)a.Content!).Buttons.Count));
        Assert.Equal("list", activity.AttachmentLayout);
    }

    [Fact]
    public void AnAttachment_FollowsTheCards_AsAFileWithItsNameAndADataUrl()
    {
        var reply = Reply(2) with { Attachment = new MessageAttachment("meeting.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR")) };

        var activity = TeamsReply.From(reply, Reference);

        Assert.Equal([HeroCard.ContentType, "text/calendar"], activity.Attachments!.Select(a => a.ContentType));
        Assert.Equal(
            """{"contentType":"text/calendar","name":"meeting.ics","contentUrl":"data:text/calendar;base64,QkVHSU46VkNBTEVOREFS"}""",
            JsonSerializer.Serialize(activity.Attachments![^1], TeamsJson.Options));
        Assert.Equal("list", activity.AttachmentLayout);
    }

    [Fact]
    public void AnAttachmentWithoutChoices_IsTheOnlyAttachment_WithoutALayout()
    {
        var reply = Reply(0) with { Attachment = new MessageAttachment("meeting.ics", "text/calendar", [1, 2, 3]) };

        var activity = TeamsReply.From(reply, Reference);

        var file = Assert.Single(activity.Attachments!);
        Assert.Equal(("meeting.ics", "data:text/calendar;base64,AQID"), (file.Name, file.ContentUrl));
        Assert.Null(file.Content);
        Assert.Null(activity.AttachmentLayout);
    }

    [Fact]
    public void AReplyWithoutChoices_HasNoCard()
    {
        var json = JsonSerializer.Serialize(TeamsReply.From(Reply(0), Reference), TeamsJson.Options);

        Assert.DoesNotContain("attachments", json, StringComparison.Ordinal);
        Assert.DoesNotContain("replyToId", json, StringComparison.Ordinal);
    }
}
