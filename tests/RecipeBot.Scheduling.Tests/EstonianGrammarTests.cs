using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

public class EstonianGrammarTests
{
    [Theory]
    [InlineData("iga esmaspäev kell 10", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("igal esmaspäeval kell 10:00", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("IGAL ESMASPAEVAL KELL 10", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("esmaspäeviti kell 9.15", "FREQ=WEEKLY;BYDAY=MO 09:15 2026-01-05")]
    [InlineData("igal teisipäeval kl 18", "FREQ=WEEKLY;BYDAY=TU 18:00 2026-01-06")]
    [InlineData("kolmapäeviti 18h", "FREQ=WEEKLY;BYDAY=WE 18:00 2026-01-07")]
    [InlineData("iga neljapäev kell 10", "FREQ=WEEKLY;BYDAY=TH 10:00 2026-01-08")]
    [InlineData("igal reedel kell 6 õhtul", "FREQ=WEEKLY;BYDAY=FR 18:00 2026-01-02")]
    [InlineData("laupäeviti kell 9 hommikul", "FREQ=WEEKLY;BYDAY=SA 09:00 2026-01-03")]
    [InlineData("igal pühapäeval kell 12:30", "FREQ=WEEKLY;BYDAY=SU 12:30 2026-01-04")]
    [InlineData("esmaspäeviti ja kolmapäeviti kell 10", "FREQ=WEEKLY;BYDAY=MO,WE 10:00 2026-01-05")]
    [InlineData("üle nädala kolmapäeviti kell 17.30", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE 17:30 2026-01-07")]
    [InlineData("iga kahe nädala tagant reedel kell 9", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR 09:00 2026-01-02")]
    [InlineData("kolme nädala järel esmaspäeval kell 10", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("igal teisel nädalal esmaspäeval kell 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("iga nädal teisipäeval kell 11", "FREQ=WEEKLY;BYDAY=TU 11:00 2026-01-06")]
    [InlineData("iga kuu teisel teisipäeval kell 18", "FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("igas kuus teisel teisipäeval kell 18:00", "FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("iga kuu viimasel reedel kell 15", "FREQ=MONTHLY;BYDAY=-1FR 15:00 2026-01-30")]
    [InlineData("kuu esimesel esmaspäeval kell 10", "FREQ=MONTHLY;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("iga kuu kolmandal kolmapäeval kell 17", "FREQ=MONTHLY;BYDAY=3WE 17:00 2026-01-21")]
    [InlineData("iga kuu 2. teisipäeval kell 18", "FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("5. detsembril kell 14", "ONCE 14:00 2026-12-05")]
    [InlineData("5 detsember kell 14:00", "ONCE 14:00 2026-12-05")]
    [InlineData("12.01.2027 kell 9", "ONCE 09:00 2027-01-12")]
    [InlineData("29. märtsil 2026 kell 10", "ONCE 10:00 2026-03-29")]
    [InlineData("iga teine teisipäev kell 18", "ambiguous: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 18:00 2026-01-06 | FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("igal teisel teisipäeval kell 18", "ambiguous: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 18:00 2026-01-06 | FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("esmaspäeval kell 10", "ambiguous: ONCE 10:00 2026-01-05 | FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("iga esmaspäev", "invalid: missing-time")]
    [InlineData("iga esmaspäv kell 10", "invalid: unknown-weekday")]
    [InlineData("iga esmaspäev kell 25:00", "invalid: invalid-time")]
    [InlineData("iga esmaspäev kell 24", "invalid: invalid-time")]
    [InlineData("1.12.2025 kell 9", "invalid: past-date")]
    [InlineData("31. aprillil kell 9", "invalid: invalid-date")]
    [InlineData("tere hommikust", "invalid: unrecognised")]
    public void EstonianPhrase_ParsesToExpectedSchedule(string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, "et", ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Fact]
    public void TitleBeforeAndPlaceEndingInSaalis_AreTakenAsTyped()
    {
        var schedule = ParseOutcome.Single(
            ScheduleGrammar.Parse("Töörühma koosolek iga esmaspäev kell 10 vallamaja saalis", "et", ParseOutcome.Now));

        Assert.Equal(("Töörühma koosolek", "vallamaja saalis"), (schedule.Title, schedule.Place));
    }

    [Fact]
    public void PlaceFromKohas_IsTheRestOfTheText_WithItsMarker()
    {
        var schedule = ParseOutcome.Single(
            ScheduleGrammar.Parse("iga kuu viimasel reedel kell 15 kohas Rahvamaja, Tartu mnt 5", "et", ParseOutcome.Now));

        Assert.Equal((null, "kohas Rahvamaja, Tartu mnt 5"), (schedule.Title, schedule.Place));
    }
}
