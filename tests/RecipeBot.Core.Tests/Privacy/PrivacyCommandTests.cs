using System.Text.Json;

namespace RecipeBot.Core.Tests.Privacy;

/// <summary>The privacy notice on first contact, <c>/privacy</c> and <c>/export</c>, in each language.</summary>
public sealed class PrivacyCommandTests
{
    private readonly EngineHarness _bot = new();

    [Theory]
    [InlineData("et", "365 päeva")]
    [InlineData("en", "365 days")]
    [InlineData("ru", "365 дн.")]
    public async Task FirstContact_EndsWithTheShortNotice_OnlyOnce(string language, string period)
    {
        var first = await _bot.SayAsync("/start", lang: language);
        var second = await _bot.SayAsync("/help");

        var notice = PrivacyText.Of("privacy-notice", language, ("days", "365"));
        Assert.EndsWith("\n\n" + notice, first.Text, StringComparison.Ordinal);
        Assert.Contains(period, notice, StringComparison.Ordinal);
        Assert.Contains("/forget", notice, StringComparison.Ordinal);
        Assert.True(notice.Length <= 250, $"The notice is {notice.Length} characters: too long for a phone.");
        Assert.DoesNotContain(notice, second.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("et", "365 päeva", "30 päeva")]
    [InlineData("en", "365 days", "30 days")]
    [InlineData("ru", "365 дн.", "30 дн.")]
    public async Task Privacy_SaysWhatIsKeptForHowLong_AndHowToRemoveIt(string language, string period, string webPeriod)
    {
        await _bot.SayAsync("/start", lang: language);

        var reply = await _bot.SayAsync("/privacy");

        Assert.StartsWith(PrivacyText.Of("privacy", language, ("days", "365"), ("webdays", "30")), reply.Text, StringComparison.Ordinal);
        Assert.Contains(period, reply.Text, StringComparison.Ordinal);
        Assert.Contains(webPeriod, reply.Text, StringComparison.Ordinal);
        Assert.Contains("/export", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/forget", reply.Text, StringComparison.Ordinal);
        Assert.Equal("language", reply.State);
    }

    [Fact]
    public async Task Privacy_AsTheFirstMessage_IsNotFollowedByTheNoticeAgain()
    {
        var reply = await _bot.SayAsync("/privacy", lang: "en");

        Assert.DoesNotContain(PrivacyText.Of("privacy-notice", "en", ("days", "365")), reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("et")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Export_SendsEverythingKept_AsAJsonFile(string language)
    {
        await _bot.SayAsync("/start", lang: language);
        await _bot.SayAsync("/timezone Europe/Helsinki");
        var meeting = PrivacyText.Meeting("test:1", "user-1", "Kuusalu working group");
        await _bot.Meetings.Store.SaveAsync(meeting, CancellationToken.None);
        await _bot.Meetings.Store.TryClaimAsync($"{meeting.Id}/20261124T1600Z/lead-1h", meeting.Id, _bot.Time.GetUtcNow(), Meetings.NotificationStatus.Pending, _bot.Time.GetUtcNow(), CancellationToken.None);

        var reply = await _bot.SayAsync("/export");

        Assert.StartsWith(PrivacyText.Of("export-caption", language), reply.Text, StringComparison.Ordinal);
        var file = reply.Attachment!;
        Assert.Equal("recipebot-data-2026-11-22.json", file.FileName);
        Assert.Equal("application/json", file.ContentType);
        using var json = JsonDocument.Parse(file.Content);
        var root = json.RootElement;
        Assert.Equal("test:1", root.GetProperty("conversationId").GetString());
        Assert.Equal("user-1", root.GetProperty("userId").GetString());
        Assert.Equal(language, root.GetProperty("conversation").GetProperty("language").GetString());
        Assert.Equal("Europe/Helsinki", root.GetProperty("conversation").GetProperty("timeZone").GetString());
        var exported = Assert.Single(root.GetProperty("meetings").EnumerateArray());
        Assert.Equal(meeting.Id, exported.GetProperty("id").GetString());
        Assert.Equal("Kuusalu working group", exported.GetProperty("schedule").GetProperty("title").GetString());
        Assert.Equal("pending", Assert.Single(root.GetProperty("notifications").EnumerateArray()).GetProperty("status").GetString());
        // The replies not yet sent are waiting in the outbox: the greeting and the time zone's answer.
        Assert.Equal(2, root.GetProperty("outbox").GetArrayLength());
    }

    [Fact]
    public async Task Export_OfAnotherConversation_HoldsNothingOfThisOne()
    {
        await _bot.SayAsync("/start", chat: "test:1", lang: "en");
        await _bot.Meetings.Store.SaveAsync(PrivacyText.Meeting("test:1", "user-1", "Kuusalu working group"), CancellationToken.None);

        var reply = await _bot.SayAsync("/export", chat: "test:2", lang: "en");

        var text = System.Text.Encoding.UTF8.GetString(reply.Attachment!.Content);
        Assert.DoesNotContain("test:1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kuusalu", text, StringComparison.Ordinal);
    }
}
