using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Tests;

/// <summary>Closing a meeting: one question at a time, each skippable, in every language; the old "minutes published" button still works.</summary>
public sealed class CloseOutDialogTests
{
    private static readonly DateTimeOffset Occurrence = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("et", "12 inimest")]
    [InlineData("en", "12")]
    [InlineData("ru", "около 12")]
    public async Task TheCloseOut_AsksFourQuestions_TakesSkips_AndClosesTheMeeting(string language, string attendees)
    {
        var harness = new EngineHarness();
        var meeting = await SaveMeetingAsync(harness, language);
        await harness.SayAsync("/start", lang: language);
        string Text(string key) => RepositoryContent.Content.Text(key, language);

        var minutes = await harness.SayAsync(new CloseOutButton(Skip: false, meeting.Id, Occurrence).Id);
        Assert.Contains(Text("close-ask-minutes"), minutes.Text, StringComparison.Ordinal);
        Assert.Equal(Text("close-skip"), Assert.Single(minutes.Choices).Label);

        Assert.Contains(Text("close-ask-attendees"), (await harness.SayAsync("https://vald.ee/protokoll/7")).Text, StringComparison.Ordinal);
        // "1" is not the first button here: a number of attendees is typed.
        Assert.Contains(Text("close-bad-attendees"), (await harness.SayAsync("?")).Text, StringComparison.Ordinal);
        Assert.Contains(Text("close-ask-organisations"), (await harness.SayAsync(attendees)).Text, StringComparison.Ordinal);
        Assert.Contains(Text("close-ask-decisions"), (await harness.SayAsync(Text("close-skip"))).Text, StringComparison.Ordinal);
        var done = await harness.SayAsync("Küla seltsimaja remont\nSecond decision");

        var closeOut = await harness.Workbench.CloseOuts.GetAsync(meeting.Id, Occurrence, CancellationToken.None);
        Assert.NotNull(closeOut);
        Assert.True(closeOut.IsClosed);
        Assert.Equal(("https://vald.ee/protokoll/7", (int?)12, 0), (closeOut.MinutesLink, closeOut.Attendees, closeOut.Organisations.Count));
        Assert.Equal(["Küla seltsimaja remont", "Second decision"], closeOut.Decisions.Select(d => d.Text));
        Assert.All(closeOut.Decisions, d => Assert.Null(d.CommitmentId));
        Assert.Contains("https://vald.ee/protokoll/7", done.Text, StringComparison.Ordinal);
        Assert.InRange(done.Text.Length, 1, 1000);

        // Pressed again, or with the old "minutes published" button: already closed, not an error.
        var again = await harness.SayAsync("minutes:" + meeting.Id + ":" + NotificationKeys.Occurrence(Occurrence));
        Assert.StartsWith(Text("close-already").Split('{')[0], again.Text, StringComparison.Ordinal);
        Assert.Equal(0, harness.FailedTurns);
    }

    [Fact]
    public async Task ADecisionNamingACommitment_ByItsNumberOrTitle_IsLinkedToIt()
    {
        var harness = new EngineHarness();
        var meeting = await SaveMeetingAsync(harness, "et");
        await harness.SayAsync("/start", lang: "et");
        await harness.SayAsync("/plan add Avatud eelarve");
        await harness.SayAsync("/plan add Noortekogu loomine");
        var plan = await harness.Plans.Store.GetAsync("test:1", CancellationToken.None);
        Assert.Equal(2, plan!.Commitments.Count);

        await harness.SayAsync(new CloseOutButton(Skip: false, meeting.Id, Occurrence).Id);
        var skip = RepositoryContent.Content.Text("close-skip", "et");
        await harness.SayAsync(skip);
        await harness.SayAsync("8");
        await harness.SayAsync(skip);
        await harness.SayAsync("Kinnitasime #2 ajakava\nAVATUD EELARVE arutelu märtsis\nUus teadetetahvel");

        var closeOut = await harness.Workbench.CloseOuts.GetAsync(meeting.Id, Occurrence, CancellationToken.None);
        Assert.True(closeOut!.IsClosed);
        Assert.Equal([plan.Commitments[1].Id, plan.Commitments[0].Id, null], closeOut.Decisions.Select(d => d.CommitmentId));
        Assert.Equal(0, harness.FailedTurns);
    }

    [Fact]
    public async Task TheOldMinutesButton_StartsTheCloseOut_AndACommandInBetweenIsNotTakenAsAnAnswer()
    {
        var harness = new EngineHarness();
        var meeting = await SaveMeetingAsync(harness, "en");

        var first = await harness.SayAsync("minutes:" + meeting.Id + ":" + NotificationKeys.Occurrence(Occurrence), lang: "en");
        Assert.Contains(RepositoryContent.Content.Text("close-ask-minutes", "en"), first.Text, StringComparison.Ordinal);
        await harness.SayAsync("/help");
        await harness.SayAsync("https://example.org/minutes");

        var closeOut = await harness.Workbench.CloseOuts.GetAsync(meeting.Id, Occurrence, CancellationToken.None);
        Assert.Equal(CloseOutStep.Minutes, closeOut!.Step);
        Assert.Null(closeOut.MinutesLink);
    }

    [Fact]
    public async Task InAGroup_OnlyTheOrganiserOrAnAdmin_MayCloseIt_AndExportShowsOnlyOnesOwn()
    {
        var harness = new EngineHarness();
        var meeting = await SaveMeetingAsync(harness, "en", "test:-100", "organiser");

        var refused = await harness.SayInGroupAsync(new CloseOutButton(false, meeting.Id, Occurrence).Id, "someone");
        Assert.Contains(RepositoryContent.Content.Text("meeting-not-allowed", "en"), refused.Text, StringComparison.Ordinal);
        await harness.SayInGroupAsync(new CloseOutButton(false, meeting.Id, Occurrence).Id, "organiser");
        // Another member's message right after the question is not the organiser's answer.
        await harness.SayInGroupAsync("https://elsewhere.example", "someone");
        Assert.Null((await harness.Workbench.CloseOuts.GetAsync(meeting.Id, Occurrence, CancellationToken.None))!.MinutesLink);

        var mine = await new CloseOutPersonalData(harness.Workbench.CloseOuts).ExportSectionAsync(new("test:-100", "organiser", IsGroup: true));
        var theirs = await new CloseOutPersonalData(harness.Workbench.CloseOuts).ExportSectionAsync(new("test:-100", "someone", IsGroup: true));
        Assert.Single(mine);
        Assert.Empty(theirs);
    }

    internal static async Task<Meeting> SaveMeetingAsync(EngineHarness harness, string language, string conversation = "test:1", string createdBy = "user-1")
    {
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting(Meeting.NewId(), conversation, createdBy, new MeetingSchedule(string.Empty, new TimeOnly(18, 0), new DateOnly(2026, 11, 20)), MeetingStatus.Active, language, at, at);
        await harness.Meetings.Store.SaveAsync(meeting, CancellationToken.None);
        return meeting;
    }
}

internal static class CloseOutExportExtensions
{
    public static async Task<System.Text.Json.Nodes.JsonArray> ExportSectionAsync(this CloseOutPersonalData data, RecipeBot.Core.Privacy.PersonalDataSubject subject)
    {
        var export = new System.Text.Json.Nodes.JsonObject();
        await data.ExportAsync(subject, export, CancellationToken.None);
        return export["meetingCloseOuts"]!.AsArray();
    }
}
