using System.Globalization;
using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

/// <summary>Quarterly and every N months, as the recipes recommend; the clock stands at Thursday 1 January 2026, noon in Tallinn.</summary>
public class MonthIntervalGrammarTests
{
    [Theory]
    [InlineData("et", "kord kvartalis esimesel teisipäeval kell 18", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU 18:00 2026-01-06")]
    [InlineData("et", "igas kvartalis kuu viimasel reedel kell 15", "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR 15:00 2026-01-30")]
    [InlineData("et", "iga kolme kuu tagant viimasel reedel kell 15", "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR 15:00 2026-01-30")]
    [InlineData("et", "iga 2 kuu järel teisel kolmapäeval kell 17", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE 17:00 2026-01-14")]
    [InlineData("et", "üle kuu esimesel esmaspäeval kell 10", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("et", "kord poolaastas viimasel neljapäeval kell 12", "FREQ=MONTHLY;INTERVAL=6;BYDAY=-1TH 12:00 2026-01-29")]
    [InlineData("et", "kord aastas esimesel esmaspäeval kell 10", "FREQ=MONTHLY;INTERVAL=12;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("et", "kord kvartalis alates 15. jaanuarist kell 10", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15 10:00 2026-01-15")]
    [InlineData("et", "kord kvartalis kell 18", "invalid: missing-day-of-month")]
    [InlineData("et", "kord kvartalis teisipäeval kell 18", "invalid: missing-day-of-month")]
    [InlineData("et", "iga 13 kuu tagant esimesel esmaspäeval kell 10", "invalid: interval-too-large")]
    [InlineData("et", "iga 0 kuu tagant esimesel esmaspäeval kell 10", "invalid: unrecognised")]
    [InlineData("en", "quarterly on the first Tuesday at 18:00", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU 18:00 2026-01-06")]
    [InlineData("en", "once a quarter on the second Tuesday at 6 pm", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("en", "every 3 months on the last Friday at 3 pm", "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR 15:00 2026-01-30")]
    [InlineData("en", "every two months on the second Wednesday of the month at 17:00", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE 17:00 2026-01-14")]
    [InlineData("en", "every other month on the first Monday at 10", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("en", "twice a year on the first Monday at 10", "FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("en", "every quarter from 15 January at 10", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15 10:00 2026-01-15")]
    [InlineData("en", "every 12 months on the first Monday at 10", "FREQ=MONTHLY;INTERVAL=12;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("en", "quarterly at 18:00", "invalid: missing-day-of-month")]
    [InlineData("en", "every 13 months on the first Monday at 10", "invalid: interval-too-large")]
    [InlineData("en", "every 3 months on the first Monday", "invalid: missing-time")]
    [InlineData("en", "every 3 months on the first Monday at 10 except in July", "invalid: unrecognised")]
    [InlineData("ru", "раз в квартал в первый вторник в 18", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU 18:00 2026-01-06")]
    [InlineData("ru", "ежеквартально в первый понедельник месяца в 10", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("ru", "раз в три месяца во второй вторник в 18:00", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("ru", "каждые 2 месяца в последнюю пятницу в 15:00", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR 15:00 2026-01-30")]
    [InlineData("ru", "каждые два месяца во вторую среду в 17", "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE 17:00 2026-01-14")]
    [InlineData("ru", "раз в полгода в первую среду в 17", "FREQ=MONTHLY;INTERVAL=6;BYDAY=1WE 17:00 2026-01-07")]
    [InlineData("ru", "раз в квартал с 15 января в 10", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15 10:00 2026-01-15")]
    [InlineData("ru", "раз в квартал в 18", "invalid: missing-day-of-month")]
    [InlineData("ru", "каждые 14 месяцев в первый понедельник в 10", "invalid: interval-too-large")]
    public void AQuarterOrACountOfMonths_IsAMonthlyRuleWithItsInterval(string language, string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Theory]
    [InlineData("every month at 18:00", "en")]
    [InlineData("kord kuus kell 18", "et")]
    [InlineData("раз в месяц в 18", "ru")]
    public void MonthlyWithoutAWeekOrADay_AsksForTheDayOfTheMonth(string text, string language)
    {
        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now);

        Assert.Equal("invalid: missing-day-of-month", ParseOutcome.Describe(result));
    }

    [Fact]
    public void QuarterlyOnTheFirstTuesday_MeetsInJanuaryAprilJulyAndOctober_At18LocalAcrossDst()
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse("kord kvartalis esimesel teisipäeval kell 18", "et", ParseOutcome.Now));

        var next = schedule.Next(ParseOutcome.Now, 5);

        Assert.Equal(
            ["2026-01-06T18:00+02:00", "2026-04-07T18:00+03:00", "2026-07-07T18:00+03:00", "2026-10-06T18:00+03:00", "2027-01-05T18:00+02:00"],
            next.Select(o => o.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void EveryQuarterFromADay_KeepsThatDayOfTheMonth()
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse("раз в квартал с 15 января в 10", "ru", ParseOutcome.Now));

        var next = schedule.Next(ParseOutcome.Now, 3);

        Assert.Equal(["2026-01-15", "2026-04-15", "2026-07-15"], next.Select(o => o.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
