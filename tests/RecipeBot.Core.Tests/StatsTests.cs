using FsCheck.Xunit;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Stats;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Core.Tests;

/// <summary><c>/stats</c>: the period in et/en/ru, figures from what is stored, the CSV.</summary>
public sealed class StatsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("", "2026-01-01", "2026-11-22")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("last 3 months", "2026-08-23", "2026-11-22")]
    [InlineData("viimased 3 kuud", "2026-08-23", "2026-11-22")]
    [InlineData("за последние 3 месяца", "2026-08-23", "2026-11-22")]
    [InlineData("eelmine aasta", "2025-01-01", "2025-12-31")]
    [InlineData("last 2 weeks", "2026-11-09", "2026-11-22")]
    public void ThePeriod_IsReadInEveryLanguage(string text, string from, string to)
    {
        var period = StatsPeriodParser.Parse(text, Today);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period!.From, period.To));
    }

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 300)]
    public void ThePeriodParser_NeverThrows_AndAnyPeriodEndsByToday(AnyText text)
    {
        var period = StatsPeriodParser.Parse(text.Value, Today);

        Assert.True(period is null || (period.From <= period.To && period.To <= Today && period.From >= StatsPeriod.Earliest));
    }

    [Fact]
    public async Task TheFigures_CountClosedMeetingsInThePeriod_AndThePlanFiguresShowADash()
    {
        var harness = new EngineHarness();
        var meeting = await CloseOutDialogTests.SaveMeetingAsync(harness, "en");
        var store = harness.Workbench.CloseOuts;
        await store.SaveAsync(Closed(meeting.Id, new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero), 12, ["Küla selts", "Noortekogu"]), CancellationToken.None);
        await store.SaveAsync(Closed(meeting.Id, new(2026, 10, 20, 15, 0, 0, TimeSpan.Zero), 0, ["küla selts"]), CancellationToken.None);
        await store.SaveAsync(Closed(meeting.Id, new(2025, 10, 20, 15, 0, 0, TimeSpan.Zero), 30, []), CancellationToken.None);
        await harness.SayAsync("/start", lang: "en");

        var shown = await harness.SayAsync("/stats");
        var exported = await harness.SayAsync("/stats export 2026");

        Assert.Contains("• Round tables and discussions with community representatives (closed, with attendees): 1", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Meetings closed: 2", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Organisations represented: 2", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Commitments: complete: —", shown.Text, StringComparison.Ordinal);
        Assert.InRange(shown.Text.Length, 1, 1000);
        var csv = System.Text.Encoding.UTF8.GetString(exported.Attachment!.Content).Split("\r\n");
        Assert.Equal("from,to,figure,label,value", csv[0]);
        Assert.Contains("2026-01-01,2026-11-22,attendees,Attendees in all,12", csv);
        Assert.Contains("2026-01-01,2026-11-22,co-creation-processes,Co-creation processes started (commitments with partners),", csv);
        Assert.Equal("text/csv", exported.Attachment.ContentType);
    }

    [Fact]
    public async Task ThePlanFigures_CountCommitmentsWithPartnersSharedExamplesAndLevels()
    {
        var plans = RecipeBot.Core.Plans.PlanServices.InMemory();
        var workbench = WorkbenchServices.InMemory();
        var harness = new EngineHarness(plans: plans, workbench: workbench with { Sources = [.. workbench.Sources, new PlanStatsSource(plans.Store)] });
        await harness.SayAsync("/start", lang: "en");
        var thisYear = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await plans.Store.SaveAsync(
            new RecipeBot.Core.Plans.Plan
            {
                ConversationId = "test:1",
                CreatedAt = thisYear.AddYears(-1),
                Commitments =
                [
                    Commitment("Open budget", thisYear, ["Küla selts"], RecipeBot.Core.Plans.CompletionLevel.Complete, shared: thisYear.AddMonths(2)),
                    Commitment("Youth council", thisYear.AddMonths(1), ["Noortekogu", "Kool"], RecipeBot.Core.Plans.CompletionLevel.Limited),
                    Commitment("Minutes online", thisYear.AddYears(-1), ["Raamatukogu"], RecipeBot.Core.Plans.CompletionLevel.Substantial),
                    Commitment("Open data", thisYear, [], RecipeBot.Core.Plans.CompletionLevel.NotStarted),
                ],
            },
            CancellationToken.None);

        var shown = await harness.SayAsync("/stats");

        // This year: two commitments made with partners (last year's does not count), one example shared; levels of all four.
        Assert.Contains("• Co-creation processes started (commitments with partners): 2", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Good examples shared: 1", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Commitments: not started: 1", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Commitments: limited: 1", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Commitments: substantial: 1", shown.Text, StringComparison.Ordinal);
        Assert.Contains("• Commitments: complete: 1", shown.Text, StringComparison.Ordinal);
    }

    private static RecipeBot.Core.Plans.Commitment Commitment(string title, DateTimeOffset created, List<string> partners, RecipeBot.Core.Plans.CompletionLevel level, DateTimeOffset? shared = null) =>
        new() { Id = RecipeBot.Core.Plans.Commitment.NewId(), Title = title, CreatedAt = created, Partners = partners, Level = level, SharedAt = shared };

    private static MeetingCloseOut Closed(string meetingId, DateTimeOffset occurrence, int attendees, string[] organisations) =>
        MeetingCloseOut.Begin(meetingId, occurrence, "test:1", "user-1", occurrence) with
        {
            Step = CloseOutStep.Closed, Attendees = attendees, Organisations = organisations, ClosedAt = occurrence.AddHours(3),
        };
}
