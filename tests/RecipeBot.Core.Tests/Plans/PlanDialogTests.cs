using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Plans;

namespace RecipeBot.Core.Tests.Plans;

/// <summary>The action plan in a conversation: adding, the questions, the exports and progress; the clock stands at 22 November 2026.</summary>
public sealed class PlanDialogTests
{
    private readonly GroupPermissions _permissions = new();
    private readonly EngineHarness _bot;

    public PlanDialogTests()
    {
        _bot = new EngineHarness(meetings: new MeetingServices(
            new InMemoryMeetingStore(), NoReminderScheduler.Instance, _permissions, new HashSet<string> { "test:coordinator" }, TimeSpan.FromDays(7)));
    }

    [Theory]
    [InlineData("et", "Avatud eelarve portaal", "Elanikud ei näe, kuhu raha läheb", "Prototüüp märtsi lõpuks; avalik arutelu 15.04.2027", "läbipaistvus ja aruandlus")]
    [InlineData("en", "Open budget portal", "People cannot see where money goes", "Prototype by the end of March; public hearing 15 April", "transparency and accountability")]
    [InlineData("ru", "Открытый бюджетный портал", "Жители не видят, куда идут деньги", "Прототип до конца марта; публичное обсуждение 15.04.2027", "прозрачность и подотчётность")]
    public async Task PlanAdd_AsksEachQuestionInTurn_AndKeepsTheAnswers(string language, string title, string problem, string milestones, string values)
    {
        await _bot.SayAsync("/lang " + language);

        var first = await _bot.SayAsync("/plan add " + title);
        Assert.Contains(title, first.Text, StringComparison.Ordinal);
        await _bot.SayAsync(problem);
        await _bot.SayAsync("1"); // the only button offered: "skip" what will be done
        await _bot.SayAsync("Mari Tamm");
        await _bot.SayAsync("MTÜ Avatud Küla, Külavanemad");
        await _bot.SayAsync(milestones);
        var done = await _bot.SayAsync(values);

        var commitment = Assert.Single((await _bot.Plans.Store.GetAsync("test:1", CancellationToken.None))!.Commitments);
        Assert.Equal(title, commitment.Title);
        Assert.Equal(problem, commitment.Problem);
        Assert.Null(commitment.Action);
        Assert.Equal("Mari Tamm", commitment.Lead);
        Assert.Equal(["MTÜ Avatud Küla", "Külavanemad"], commitment.Partners);
        Assert.Equal([new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 15)], commitment.Milestones.Select(m => m.Due));
        Assert.Equal(OgpValues.Transparency | OgpValues.Accountability, commitment.Values);
        Assert.Equal(CompletionLevel.NotStarted, commitment.Level);
        Assert.Contains("Mari Tamm", done.Text, StringComparison.Ordinal);
        Assert.True(done.Text.Length <= 1000, done.Text);
    }

    [Fact]
    public async Task SkippingEveryQuestion_LeavesOnlyTheTitle()
    {
        await _bot.SayAsync("/lang en");
        var reply = await _bot.SayAsync("/plan add Youth council");
        for (var i = 0; i < 6; i++)
        {
            var skip = reply.Choices.Last(c => c.Id.Contains(":skip:", StringComparison.Ordinal));
            reply = await _bot.SayAsync(skip.Id);
        }

        var commitment = Assert.Single((await _bot.Plans.Store.GetAsync("test:1", CancellationToken.None))!.Commitments);
        Assert.Null(commitment.Problem);
        Assert.Null(commitment.Lead);
        Assert.Empty(commitment.Milestones);
        Assert.Contains(reply.Choices, c => c.Id == "plan:" + commitment.Id + ":progress");
    }

    [Theory]
    [InlineData("et", "lisa kavasse: Kaasamiskava")]
    [InlineData("en", "add to the plan: Engagement plan")]
    [InlineData("ru", "добавь в план: План вовлечения")]
    public async Task FreeText_AddsToThePlan(string language, string text)
    {
        await _bot.SayAsync("/lang " + language);

        var reply = await _bot.SayAsync(text);

        var commitment = Assert.Single((await _bot.Plans.Store.GetAsync("test:1", CancellationToken.None))!.Commitments);
        Assert.Equal(text[(text.IndexOf(':', StringComparison.Ordinal) + 2)..], commitment.Title);
        Assert.Contains(reply.Choices, c => c.Id == $"plan:{commitment.Id}:skip:problem");
    }

    [Fact]
    public async Task AMilestoneWithoutADate_IsAskedAgain()
    {
        await _bot.SayAsync("/lang en");
        var reply = await _bot.SayAsync("/plan add Portal");
        var id = (await _bot.Plans.Store.GetAsync("test:1", CancellationToken.None))!.Commitments[0].Id;
        foreach (var _ in Enumerable.Range(0, 4))
        {
            reply = await _bot.SayAsync($"plan:{id}:skip:" + reply.Choices[^1].Id.Split(':')[^1]);
        }

        var again = await _bot.SayAsync("some day soon");

        Assert.Contains("some day soon", again.Text, StringComparison.Ordinal);
        Assert.Contains(again.Choices, c => c.Id == $"plan:{id}:skip:milestones");
    }

    [Fact]
    public async Task InAGroup_OnlyTheCoordinatorChangesThePlan_EveryoneReadsIt()
    {
        await _bot.SayInGroupAsync("/plan add Open budget", "creator");
        var id = (await _bot.Plans.Store.GetAsync("test:-100", CancellationToken.None))!.Commitments[0].Id;

        var refused = await _bot.SayInGroupAsync("/plan add Not mine to add", "member");
        var edit = await _bot.SayInGroupAsync($"plan:{id}:edit", "member");
        var level = await _bot.SayInGroupAsync($"plan:{id}:level:complete", "member");
        var read = await _bot.SayInGroupAsync("/plan", "member");

        Assert.Contains("only the coordinator", refused.Text, StringComparison.Ordinal);
        Assert.Contains("only the coordinator", edit.Text, StringComparison.Ordinal);
        Assert.Contains("only the coordinator", level.Text, StringComparison.Ordinal);
        Assert.Contains("Open budget", read.Text, StringComparison.Ordinal);
        var plan = (await _bot.Plans.Store.GetAsync("test:-100", CancellationToken.None))!;
        Assert.Single(plan.Commitments);
        Assert.Equal(CompletionLevel.NotStarted, plan.Commitments[0].Level);

        _permissions.Admins.Add("admin");
        await _bot.SayInGroupAsync("/plan add The admin's", "admin");
        await _bot.SayInGroupAsync("/plan add The coordinator's", "coordinator");
        Assert.Equal(3, (await _bot.Plans.Store.GetAsync("test:-100", CancellationToken.None))!.Commitments.Count);
    }

    [Fact]
    public async Task AMembersTextInAGroup_IsNoAnswerToTheCoordinatorsQuestion()
    {
        await _bot.SayInGroupAsync("/plan add Open budget", "creator");

        await _bot.SayInGroupAsync("I think the weather is nice", "member");

        Assert.Null((await _bot.Plans.Store.GetAsync("test:-100", CancellationToken.None))!.Commitments[0].Problem);
    }

    [Theory]
    [InlineData("et", "Vastutaja", "31.03.2027")]
    [InlineData("en", "Lead", "31 March 2027")]
    [InlineData("ru", "Ответственный", "31.03.2027")]
    public async Task PlanExport_SendsADocxWithATablePerCommitment(string language, string leadField, string date)
    {
        await AddFullCommitmentAsync(language);

        var reply = await _bot.SayAsync("/plan export");

        var attachment = reply.Attachment!;
        Assert.EndsWith(".docx", attachment.FileName, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(attachment.Content), false);
        var table = Assert.Single(document.MainDocumentPart!.Document!.Body!.Elements<Table>());
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(9, rows.Count);
        Assert.Contains(rows, r => r[1] == "Portal");
        Assert.Contains(rows, r => r[0] == leadField && r[1] == "Mari Tamm");
        Assert.Contains(rows, r => r[1].Contains(date, StringComparison.Ordinal));
        Assert.Contains(rows, r => r[1] == "NGO A, NGO B");
    }

    [Fact]
    public async Task PlanExportMd_SendsMarkdown()
    {
        await AddFullCommitmentAsync("en");

        var reply = await _bot.SayAsync("/plan export md");

        var markdown = System.Text.Encoding.UTF8.GetString(reply.Attachment!.Content);
        Assert.EndsWith(".md", reply.Attachment.FileName, StringComparison.Ordinal);
        Assert.Contains("|Lead|Mari Tamm|", markdown, StringComparison.Ordinal);
        Assert.Contains("|Milestones and dates|Prototype — 31 March 2027|", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProgressLevel_IsKeptInTheHistory_WithItsNote_AndACompleteOneIsOfferedToShare()
    {
        var id = await AddFullCommitmentAsync("en");

        var ask = await _bot.SayAsync($"plan:{id}:level:complete");
        await _bot.SayAsync("Launched at the council meeting");
        var shared = await _bot.SayAsync($"plan:{id}:share");

        Assert.Contains(ask.Choices, c => c.Id == $"plan:{id}:share");
        var commitment = (await _bot.Plans.Store.GetAsync("test:1", CancellationToken.None))!.Commitments[0];
        var report = Assert.Single(commitment.Progress);
        Assert.Equal((CompletionLevel.Complete, "Launched at the council meeting", "user-1"), (report.Level, report.Note, report.By));
        Assert.Equal(_bot.Time.GetUtcNow(), commitment.SharedAt);
        Assert.Contains("Good example: Portal", shared.Text, StringComparison.Ordinal);
        Assert.Contains("Launched at the council meeting", shared.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APassedMilestone_IsFlaggedOverdue()
    {
        await AddFullCommitmentAsync("en");
        _bot.Time.Advance(TimeSpan.FromDays(140));

        var list = await _bot.SayAsync("/plan");

        Assert.Contains("⚠ overdue: 1", list.Text, StringComparison.Ordinal);
    }

    private async Task<string> AddFullCommitmentAsync(string language)
    {
        await _bot.SayAsync("/lang " + language);
        await _bot.SayAsync("/plan add Portal");
        await _bot.SayAsync("People cannot see the budget");
        await _bot.SayAsync("Build a portal");
        await _bot.SayAsync("Mari Tamm");
        await _bot.SayAsync("NGO A, NGO B");
        await _bot.SayAsync("Prototype 31.03.2027");
        var id = (await _bot.Plans.Store.GetAsync("test:1", CancellationToken.None))!.Commitments[0].Id;
        await _bot.SayAsync($"plan:{id}:skip:values");
        return id;
    }

    private sealed class GroupPermissions : IChatPermissions
    {
        public HashSet<string> Admins { get; } = [];

        public ValueTask<bool> IsAdminAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Admins.Contains(userId));
    }
}
