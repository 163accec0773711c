using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Loading;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Tests;

/// <summary>A pending dialog never swallows an unrelated command or a clear new question (regressions).</summary>
public sealed class PendingDialogTests
{
    private const string Continue = "sched:continue";
    private readonly InMemoryMeetingStore _meetings = new();
    private readonly EngineHarness _bot;

    public PendingDialogTests()
    {
        _bot = new EngineHarness(understandsFreeText: true, meetings: MeetingServices.InMemory() with { Store = _meetings });
    }

    [Theory]
    [InlineData("what is AVP KOV exactly?")]
    [InlineData("what is this bot?")]
    public async Task WhileAScheduleIsPending_AQuestion_GetsTheAnswerItGetsElsewhere_AndTheDraftWaits(string question)
    {
        var elsewhere = new EngineHarness(understandsFreeText: true);
        await StartInEnglishAsync(elsewhere);
        var expected = await elsewhere.SayAsync(question);
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("/remind");

        var answer = await _bot.SayAsync(question);

        Assert.DoesNotContain("I could not read that", answer.Text, StringComparison.Ordinal);
        Assert.Equal(expected.Text, answer.Text);
        Assert.Equal([.. expected.Choices.Select(c => c.Id), Continue], answer.Choices.Select(c => c.Id));
        Assert.Equal("Back to the meeting schedule", answer.Choices[^1].Label);
        Assert.Equal(DraftStep.Describe, (await DraftAsync())!.Step);
    }

    [Fact]
    public async Task WhileAScheduleIsPending_AClearSituation_IsAnswered_AndContinueBringsTheScheduleBack()
    {
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("/remind");
        await _bot.SayAsync("sched:freq:weekly");

        var recipes = await _bot.SayAsync("we still cannot find any NGOs");

        Assert.Equal("contact/no-partners", recipes.State);
        Assert.NotEmpty(recipes.Recipes);
        Assert.Equal(Continue, recipes.Choices[^1].Id);
        var back = await _bot.SayAsync("Back to the meeting schedule");
        Assert.StartsWith("On which day of the week?", back.Text, StringComparison.Ordinal);
        Assert.Contains(back.Choices, c => c.Id == "sched:day:mo");
    }

    [Fact]
    public async Task WhileAScheduleIsPending_AButtonOfTheMenu_IsPressed_AndTheDraftWaits()
    {
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("official");
        await _bot.SayAsync("/remind");

        var contact = await _bot.SayAsync("contact");

        Assert.Equal("contact", contact.State);
        Assert.Equal(Continue, contact.Choices[^1].Id);
        Assert.NotNull(await DraftAsync());
    }

    [Fact]
    public async Task DuringAClarification_ANewClearQuestion_IsAnsweredAsANewQuestion()
    {
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("official");
        await _bot.SayAsync(UnsurePhrase());

        var answer = await _bot.SayAsync("how do I get the council on board?");

        Assert.Equal("contact/council-reluctant", answer.State);
        Assert.NotEmpty(answer.Recipes);
    }

    [Fact]
    public async Task DuringAClarification_SomethingOffTopic_IsAFirstMiss_NotTheSecondThatDumpsTheMenu()
    {
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("official");
        await _bot.SayAsync("tell me a joke about cats");
        await _bot.SayAsync(UnsurePhrase());

        var reply = await _bot.SayAsync("what's the weather in Tartu tomorrow?");

        Assert.StartsWith("I didn't understand that.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("phase", reply.State);
    }

    [Fact]
    public async Task PauseReminders_TypedAsText_PressesTheButton_AndStartsNoNewMeeting()
    {
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("every Monday at 10");
        await _bot.SayAsync("sched:save");
        var id = Assert.Single(await _meetings.ListAsync("test:1", CancellationToken.None)).Id;
        await _bot.SayAsync("/meetings");
        await _bot.SayAsync("Meeting 1");

        var paused = await _bot.SayAsync("Pause reminders");

        Assert.StartsWith("Reminders are paused", paused.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Paused, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);
        Assert.Null(await DraftAsync());
    }

    [Fact]
    public async Task ChangeIt_WithOnlyANewTime_KeepsTheWeekdayAndTheFrequency()
    {
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("every second Tuesday of the month at 18:00");

        var asked = await _bot.SayAsync("Change it");
        var proposal = await _bot.SayAsync("at 19:30");

        Assert.StartsWith("Now: on the second Tuesday of every month at 18:00.", asked.Text, StringComparison.Ordinal);
        Assert.Equal("FREQ=MONTHLY;BYDAY=2TU", proposal.Schedule!.Rrule);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 19, 30, 0, TimeSpan.FromHours(2)), proposal.Schedule.Next[0]);
    }

    [Fact]
    public async Task ChangingAMeeting_WithOnlyNewDays_KeepsItsTime()
    {
        await StartInEnglishAsync(_bot);
        await _bot.SayAsync("every Monday at 10");
        await _bot.SayAsync("sched:save");
        var id = Assert.Single(await _meetings.ListAsync("test:1", CancellationToken.None)).Id;

        await _bot.SayAsync(new MeetingButton(MeetingButton.Kind.Change, id).Id);
        var proposal = await _bot.SayAsync("every Wednesday");
        await _bot.SayAsync("sched:save");

        Assert.Equal("FREQ=WEEKLY;BYDAY=WE", proposal.Schedule!.Rrule);
        var meeting = Assert.Single(await _meetings.ListAsync("test:1", CancellationToken.None));
        Assert.Equal((id, "FREQ=WEEKLY;BYDAY=WE", new TimeOnly(10, 0)), (meeting.Id, meeting.Schedule.RecurrenceRule, meeting.Schedule.StartTime));
    }

    private static async Task StartInEnglishAsync(EngineHarness bot)
    {
        await bot.SayAsync("/start");
        await bot.SayAsync("en");
    }

    private async Task<ScheduleDraft?> DraftAsync() => (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Draft;

    /// <summary>An evaluation phrase the model is unsure about (between the two thresholds), found, not hard-coded.</summary>
    private static string UnsurePhrase()
    {
        var problems = new List<ContentProblem>();
        var phrases = IntentExampleLoader.Load(RepositoryContent.Directory, RepositoryContent.Content, IntentExampleLoader.EvaluationFolder, problems);
        var thresholds = RepositoryContent.Diagnoser.Thresholds;
        return phrases.Select(p => p.Text).First(text =>
        {
            var d = RepositoryContent.Diagnoser.Diagnose(text);
            return d.Intent != Intents.None && d.Confidence < thresholds.Accept && d.Confidence >= thresholds.Clarify
                && RepositoryContent.Content.SituationsById.ContainsKey(d.Intent);
        });
    }
}
