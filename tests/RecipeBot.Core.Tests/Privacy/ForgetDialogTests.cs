using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Tests.Privacy;

/// <summary><c>/forget</c>: asked first, then the conversation and all of it erased; in a group only the user's own.</summary>
public sealed class ForgetDialogTests
{
    private readonly EngineHarness _bot = new();

    private InMemoryConversationStore Store => (InMemoryConversationStore)_bot.Store;

    private IMeetingStore Meetings => _bot.Meetings.Store;

    [Theory]
    [InlineData("et")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Forget_AsksFirst_ThenYesErasesTheConversationItsMeetingsAndItsOutbox(string language)
    {
        await _bot.SayAsync("/start", lang: language);
        var meeting = PrivacyText.Meeting("test:1", "user-1", "Kuusalu working group");
        await Meetings.SaveAsync(meeting, CancellationToken.None);
        await Meetings.TryClaimAsync($"{meeting.Id}/20261124T1600Z/lead-1h", meeting.Id, _bot.Time.GetUtcNow(), NotificationStatus.Sent, _bot.Time.GetUtcNow(), CancellationToken.None);
        await Meetings.SaveNextStepAsync(new NextStep("test:1", "contact/no-partners", _bot.Time.GetUtcNow().AddDays(7), language), CancellationToken.None);
        await _bot.SayAsync("/start", chat: "test:other", lang: language);

        var question = await _bot.SayAsync("/forget");
        Assert.Equal(PrivacyText.Of("forget-ask", language), question.Text);
        Assert.Equal(["forget:yes", "forget:no"], question.Choices.Select(c => c.Id));
        Assert.NotNull(await Store.LoadAsync("test:1", CancellationToken.None));

        var done = await _bot.SayAsync("1");

        Assert.Equal(PrivacyText.Of("forget-done", language), done.Text);
        Assert.True(done.Farewell);
        Assert.Empty(done.Choices);
        Assert.Null(await Store.LoadAsync("test:1", CancellationToken.None));
        Assert.Empty(await Meetings.ListAllAsync("test:1", CancellationToken.None));
        Assert.Empty(await Meetings.ListLedgerAsync(meeting.Id, CancellationToken.None));
        Assert.Null(await Meetings.GetNextStepAsync("test:1", "contact/no-partners", CancellationToken.None));
        var waiting = await Store.PendingAsync("test:1", 0, 100, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Equal([done.Text], waiting.Where(r => r.Message.ConversationId == "test:1").Select(r => r.Message.Text));
        Assert.NotNull(await Store.LoadAsync("test:other", CancellationToken.None));
    }

    [Theory]
    [InlineData("et")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Forget_AnsweredNo_ByItsLabel_KeepsEverything(string language)
    {
        await _bot.SayAsync("/start", lang: language);
        await Meetings.SaveAsync(PrivacyText.Meeting("test:1", "user-1", "Kuusalu working group"), CancellationToken.None);
        await _bot.SayAsync("/forget");

        var kept = await _bot.SayAsync(PrivacyText.Of("forget-no", language).ToUpperInvariant());

        Assert.StartsWith(PrivacyText.Of("forget-kept", language), kept.Text, StringComparison.Ordinal);
        Assert.NotNull(await Store.LoadAsync("test:1", CancellationToken.None));
        Assert.Single(await Meetings.ListAllAsync("test:1", CancellationToken.None));
    }

    [Theory]
    [InlineData("et")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task AYesNotRightAfterTheQuestion_HasExpired_AndErasesNothing(string language)
    {
        await _bot.SayAsync("/start", lang: language);
        await _bot.SayAsync("/forget");
        await _bot.SayAsync("/help");

        var late = await _bot.SayAsync("forget:yes");

        Assert.StartsWith(PrivacyText.Of("forget-expired", language), late.Text, StringComparison.Ordinal);
        Assert.False(late.Farewell);
        Assert.NotNull(await Store.LoadAsync("test:1", CancellationToken.None));
    }

    [Fact]
    public async Task AfterForget_TheNextMessage_StartsAfreshWithTheNotice()
    {
        await _bot.SayAsync("/start", lang: "en");
        await _bot.SayAsync("official");
        await _bot.SayAsync("/forget");
        await _bot.SayAsync("forget:yes");

        var again = await _bot.SayAsync("/start", lang: "ru");

        Assert.Equal("ru", again.Language);
        Assert.EndsWith(PrivacyText.Of("privacy-notice", "ru", ("days", "365")), again.Text, StringComparison.Ordinal);
        Assert.Null((await Store.LoadAsync("test:1", CancellationToken.None))!.Role);
    }

    [Theory]
    [InlineData("et")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task InAGroup_ForgetErasesOnlyTheMembersOwnMeetings(string language)
    {
        await _bot.Turns.RunAsync(new("test:-100", "/start", "anna", language, IsGroup: true), CancellationToken.None);
        var annas = PrivacyText.Meeting("test:-100", "anna", "Anna's meeting");
        var peeters = PrivacyText.Meeting("test:-100", "peeter", "Peeter's meeting");
        await Meetings.SaveAsync(annas, CancellationToken.None);
        await Meetings.SaveAsync(peeters, CancellationToken.None);

        var question = await _bot.Turns.RunAsync(new("test:-100", "/forget", "anna", language, IsGroup: true), CancellationToken.None);
        var done = await _bot.Turns.RunAsync(new("test:-100", "forget:yes", "anna", language, IsGroup: true), CancellationToken.None);

        Assert.Equal(PrivacyText.Of("forget-ask-group", language), question!.Text);
        Assert.StartsWith(PrivacyText.Of("forget-done-group", language), done!.Text, StringComparison.Ordinal);
        Assert.False(done.Farewell);
        Assert.Equal([peeters.Id], (await Meetings.ListAllAsync("test:-100", CancellationToken.None)).Select(m => m.Id));
        Assert.NotNull(await Store.LoadAsync("test:-100", CancellationToken.None));
    }
}
