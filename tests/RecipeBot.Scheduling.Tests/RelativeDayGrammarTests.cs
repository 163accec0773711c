using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

/// <summary>One-off meetings today, tomorrow or next Thursday; the clock stands at Thursday 1 January 2026, noon in Tallinn.</summary>
public class RelativeDayGrammarTests
{
    // Monday 5 January 2026, 09:00 in Tallinn: "next Thursday" may be this week's or next week's.
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(2));

    [Theory]
    [InlineData("et", "täna kell 14:40", "ONCE 14:40 2026-01-01")]
    [InlineData("et", "täna kell 10:40", "invalid: past-date")]
    [InlineData("et", "homme kell 9", "ONCE 09:00 2026-01-02")]
    [InlineData("et", "ülehomme kell 10", "ONCE 10:00 2026-01-03")]
    [InlineData("et", "järgmisel neljapäeval kell 14 vallamajas", "ONCE 14:00 2026-01-08")]
    [InlineData("et", "järgmisel esmaspäeval kell 10", "ONCE 10:00 2026-01-05")]
    [InlineData("et", "sel reedel kell 10", "ONCE 10:00 2026-01-02")]
    [InlineData("et", "järgmisel nädalal neljapäeval kell 14", "ONCE 14:00 2026-01-08")]
    [InlineData("et", "homme", "invalid: missing-time")]
    [InlineData("en", "today at 14:40", "ONCE 14:40 2026-01-01")]
    [InlineData("en", "today at 10:40", "invalid: past-date")]
    [InlineData("en", "tomorrow at 9", "ONCE 09:00 2026-01-02")]
    [InlineData("en", "the day after tomorrow at 10", "ONCE 10:00 2026-01-03")]
    [InlineData("en", "next Thursday at 2pm", "ONCE 14:00 2026-01-08")]
    [InlineData("en", "this Friday at 10:00", "ONCE 10:00 2026-01-02")]
    [InlineData("en", "on Monday next week at 10", "ONCE 10:00 2026-01-05")]
    [InlineData("en", "next week on Thursday at 10", "ONCE 10:00 2026-01-08")]
    [InlineData("en", "tomorrow on 5 December at 10", "invalid: unrecognised")]
    [InlineData("ru", "сегодня в 14:40", "ONCE 14:40 2026-01-01")]
    [InlineData("ru", "сегодня в 10:40", "invalid: past-date")]
    [InlineData("ru", "завтра в 9", "ONCE 09:00 2026-01-02")]
    [InlineData("ru", "послезавтра в 10", "ONCE 10:00 2026-01-03")]
    [InlineData("ru", "в следующий четверг в 14", "ONCE 14:00 2026-01-08")]
    [InlineData("ru", "в следующую среду в 17:30", "ONCE 17:30 2026-01-07")]
    [InlineData("ru", "в эту пятницу в 10", "ONCE 10:00 2026-01-02")]
    [InlineData("ru", "в четверг на следующей неделе в 14", "ONCE 14:00 2026-01-08")]
    public void ADayRelativeToToday_IsOneMeeting(string language, string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Theory]
    [InlineData("et", "järgmisel neljapäeval kell 14")]
    [InlineData("en", "next Thursday at 2pm")]
    [InlineData("ru", "в следующий четверг в 14")]
    public void NextThursday_SaidOnAMonday_IsAskedBack_ThisWeekOrNext(string language, string text)
    {
        var result = ScheduleGrammar.Parse(text, language, Monday);

        Assert.Equal("ambiguous: ONCE 14:00 2026-01-08 | ONCE 14:00 2026-01-15", ParseOutcome.Describe(result));
        Assert.Equal(
            ["schedule.this-week", "schedule.next-week"],
            Assert.IsType<ScheduleParseResult.Ambiguous>(result).Alternatives.Select(a => a.DescriptionKey));
    }

    [Theory]
    [InlineData("et", "täna kell 10")]
    [InlineData("en", "today at 10")]
    [InlineData("ru", "сегодня в 10")]
    public void Today_IsTheDayInTheScheduleTimeZone_NotInUtc(string language, string text)
    {
        // 23:30 UTC on 1 January is already 01:30 on 2 January in Tallinn.
        var lateEvening = new DateTimeOffset(2026, 1, 1, 23, 30, 0, TimeSpan.Zero);

        var result = ScheduleGrammar.Parse(text, language, lateEvening);

        Assert.Equal("ONCE 10:00 2026-01-02", ParseOutcome.Describe(result));
    }

    [Theory]
    [InlineData("et", "Töörühma koosolek järgmisel neljapäeval kell 14 vallamajas", "Töörühma koosolek", "vallamajas")]
    [InlineData("et", "homme kell 9 raamatukogus", null, "raamatukogus")]
    [InlineData("et", "homme kell 9, koht: Rahvamaja", null, "koht: Rahvamaja")]
    [InlineData("en", "Budget hearing next Thursday at 2pm at the town hall", "Budget hearing", "at the town hall")]
    [InlineData("en", "tomorrow at 9, venue: Town Hall", null, "venue: Town Hall")]
    [InlineData("ru", "Встреча в следующий четверг в 14 в доме культуры", "Встреча", "в доме культуры")]
    [InlineData("ru", "завтра в 9 на площади", null, "на площади")]
    public void ThePlace_KeepsItsPrepositionCaseOrLabel_AndNoDayWordLeaksIntoIt(string language, string text, string? title, string place)
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse(text, language, ParseOutcome.Now));

        Assert.Equal((title, place), (schedule.Title, schedule.Place));
    }
}
