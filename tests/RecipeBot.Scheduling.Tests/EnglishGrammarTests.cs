using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

public class EnglishGrammarTests
{
    [Theory]
    [InlineData("every Monday at 10", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("Every monday at 10:30", "FREQ=WEEKLY;BYDAY=MO 10:30 2026-01-05")]
    [InlineData("every Tuesday at 10.30", "FREQ=WEEKLY;BYDAY=TU 10:30 2026-01-06")]
    [InlineData("on Mondays at 9", "FREQ=WEEKLY;BYDAY=MO 09:00 2026-01-05")]
    [InlineData("each Thursday at 10", "FREQ=WEEKLY;BYDAY=TH 10:00 2026-01-08")]
    [InlineData("every Thursday at 18", "FREQ=WEEKLY;BYDAY=TH 18:00 2026-01-01")]
    [InlineData("every Friday at 6 pm", "FREQ=WEEKLY;BYDAY=FR 18:00 2026-01-02")]
    [InlineData("every Saturday at 9am", "FREQ=WEEKLY;BYDAY=SA 09:00 2026-01-03")]
    [InlineData("every Sunday 18h", "FREQ=WEEKLY;BYDAY=SU 18:00 2026-01-04")]
    [InlineData("every Wednesday at 12 am", "FREQ=WEEKLY;BYDAY=WE 00:00 2026-01-07")]
    [InlineData("weekly on Wednesday at 8 in the evening", "FREQ=WEEKLY;BYDAY=WE 20:00 2026-01-07")]
    [InlineData("every Monday and Wednesday at 10", "FREQ=WEEKLY;BYDAY=MO,WE 10:00 2026-01-05")]
    [InlineData("every other Wednesday at 17:30", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE 17:30 2026-01-07")]
    [InlineData("every 3 weeks on Friday at 9", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR 09:00 2026-01-02")]
    [InlineData("every two weeks on Tuesday at 14:15", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 14:15 2026-01-06")]
    [InlineData("biweekly on Monday at 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("fortnightly on Thursdays at 16:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH 16:00 2026-01-01")]
    [InlineData("every second week on Monday at 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("every second Tuesday of the month at 18:00", "FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("the 2nd Tuesday of each month at 18", "FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("on the last Friday of the month at 15:00", "FREQ=MONTHLY;BYDAY=-1FR 15:00 2026-01-30")]
    [InlineData("first Monday of every month at 10", "FREQ=MONTHLY;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("third Wednesday monthly at 17:00", "FREQ=MONTHLY;BYDAY=3WE 17:00 2026-01-21")]
    [InlineData("every last Thursday at 3 pm", "FREQ=MONTHLY;BYDAY=-1TH 15:00 2026-01-29")]
    [InlineData("on 5 December at 14:00", "ONCE 14:00 2026-12-05")]
    [InlineData("on December 5th at 2 pm", "ONCE 14:00 2026-12-05")]
    [InlineData("on the 5th of December 2026 at 14:00", "ONCE 14:00 2026-12-05")]
    [InlineData("12.01.2027 at 9", "ONCE 09:00 2027-01-12")]
    [InlineData("2026-03-29 at 10:00", "ONCE 10:00 2026-03-29")]
    [InlineData("on 1 January at 10", "ONCE 10:00 2027-01-01")]
    [InlineData("every 2nd Tuesday at 18:00", "ambiguous: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 18:00 2026-01-06 | FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("every third Friday at 9", "ambiguous: FREQ=WEEKLY;INTERVAL=3;BYDAY=FR 09:00 2026-01-02 | FREQ=MONTHLY;BYDAY=3FR 09:00 2026-01-16")]
    [InlineData("on Monday at 10", "ambiguous: ONCE 10:00 2026-01-05 | FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("every Monday", "invalid: missing-time")]
    [InlineData("every Mondy at 10", "invalid: unknown-weekday")]
    [InlineData("every Monday at 25:00", "invalid: invalid-time")]
    [InlineData("every Monday at 10:75", "invalid: invalid-time")]
    [InlineData("every Friday at 18 pm", "invalid: invalid-time")]
    [InlineData("on 5 December 2025 at 14:00", "invalid: past-date")]
    [InlineData("on 31 April at 10", "invalid: invalid-date")]
    [InlineData("hello, how are you?", "invalid: unrecognised")]
    [InlineData("every Monday at 10 except in July", "invalid: unrecognised")]
    [InlineData("every month on Monday at 10", "invalid: missing-day-of-month")]
    public void EnglishPhrase_ParsesToExpectedSchedule(string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, "en", ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Fact]
    public void TitleBefore_AndPlaceWithItsPreposition_AreTakenAsTyped()
    {
        var schedule = ParseOutcome.Single(
            ScheduleGrammar.Parse("Working group meeting every Monday at 10 in the Community Hall", "en", ParseOutcome.Now));

        Assert.Equal(("Working group meeting", "in the Community Hall"), (schedule.Title, schedule.Place));
        Assert.Equal("Europe/Tallinn", schedule.TimeZone);
    }

    [Fact]
    public void WithoutTitleOrPlace_BothStayEmpty()
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse("every Monday at 10", "en", ParseOutcome.Now));

        Assert.Equal((null, null), (schedule.Title, schedule.Place));
    }

    [Fact]
    public void AmbiguousSecondTuesday_OffersDescriptionKeysForBothReadings()
    {
        var result = Assert.IsType<ScheduleParseResult.Ambiguous>(ScheduleGrammar.Parse("every 2nd Tuesday at 18", "en", ParseOutcome.Now));

        Assert.Equal(["schedule.every-nth-week", "schedule.nth-weekday-of-month"], result.Alternatives.Select(a => a.DescriptionKey));
    }

    [Fact]
    public void InvalidResult_CarriesHintKeyForTheDialog()
    {
        var result = ScheduleGrammar.Parse("every Monday", "en", ParseOutcome.Now);

        Assert.Equal(new ScheduleParseResult.Invalid("missing-time", "schedule.hint.missing-time"), result);
    }

    [Theory]
    [InlineData("every Monday at 10", "de", "Europe/Tallinn", "unsupported-language")]
    [InlineData("every Monday at 10", "en", "Mars/Olympus", "unknown-time-zone")]
    public void UnsupportedSettings_AreRejected(string text, string language, string zone, string code)
    {
        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now, zone);

        Assert.Equal(code, Assert.IsType<ScheduleParseResult.Invalid>(result).ErrorCode);
    }
}
