using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Xunit;
using RecipeBot.Scheduling;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Scheduling.Tests;

/// <summary>The quarterly, every-N-months and today/tomorrow/next-weekday forms against any count, any clock and any text around them.</summary>
public class CalendarPhraseProperties
{
    private static readonly (string Language, string Template)[] MonthCounts =
    [
        ("en", "every {0} months on the first Monday at 10"),
        ("et", "iga {0} kuu tagant esimesel esmaspäeval kell 10"),
        ("ru", "каждые {0} месяцев в первый понедельник в 10"),
        ("ru", "раз в {0} месяца в первый понедельник в 10"),
    ];

    private static readonly (string Language, string Text)[] Phrases =
    [
        ("et", "kord kvartalis esimesel teisipäeval kell 18"), ("et", "täna kell 23:59"), ("et", "järgmisel neljapäeval kell 14 vallamajas"),
        ("en", "quarterly on the first Tuesday at 18:00"), ("en", "next Thursday at 2pm"), ("en", "tomorrow at 9 in the hall"),
        ("ru", "раз в квартал в первый вторник в 18"), ("ru", "в следующий четверг в 14"), ("ru", "завтра в 9 в доме культуры"),
    ];

    private static readonly (string Language, string Text)[] OneOffs =
    [
        ("et", "täna kell 10:40"), ("et", "homme kell 9"), ("et", "järgmisel neljapäeval kell 14"), ("et", "sel reedel kell 10"),
        ("en", "today at 10:40"), ("en", "tomorrow at 9"), ("en", "next Thursday at 2pm"), ("en", "Friday next week at 10"),
        ("ru", "сегодня в 10:40"), ("ru", "завтра в 9"), ("ru", "в следующий четверг в 14"), ("ru", "в эту пятницу в 10"),
    ];

    /// <summary>A count of up to 40 digits: within a year it is the rule's interval, beyond it the "too large" hint, never an exception.</summary>
    [Property(MaxTest = 300)]
    public void AnyCountOfMonths_IsThatInterval_OrRefusedAsTooLarge(PositiveInt count, byte zeros, byte form)
    {
        var digits = count.Get.ToString(CultureInfo.InvariantCulture) + new string('0', zeros % 32);
        var (language, template) = MonthCounts[form % MonthCounts.Length];

        var result = ScheduleGrammar.Parse(string.Format(CultureInfo.InvariantCulture, template, digits), language, ParseOutcome.Now);

        var months = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        if (months > ScheduleLimits.MaxMonths)
        {
            Assert.Equal(ScheduleErrorCodes.IntervalTooLarge, Assert.IsType<ScheduleParseResult.Invalid>(result).ErrorCode);
        }
        else
        {
            var rule = ParseOutcome.Single(result).RecurrenceRule;
            Assert.Equal(months == 1 ? "FREQ=MONTHLY;BYDAY=1MO" : $"FREQ=MONTHLY;INTERVAL={months};BYDAY=1MO", rule);
        }
    }

    /// <summary>At any moment of a century, a one-off named from today falls on today or within the next two weeks — or has passed today.</summary>
    [Property(MaxTest = 300)]
    public void AOneOffNamedFromToday_IsWithinTwoWeeks_AtAnyMoment(uint minutes, byte phrase)
    {
        var now = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes % (100 * 366 * 24 * 60));
        var (language, text) = OneOffs[phrase % OneOffs.Length];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(MeetingSchedule.DefaultTimeZone)).DateTime);

        var result = ScheduleGrammar.Parse(text, language, now);

        var schedules = result switch
        {
            ScheduleParseResult.Success s => [s.Schedule],
            ScheduleParseResult.Ambiguous a => a.Alternatives.Select(x => x.Schedule).ToList(),
            _ => [],
        };
        if (schedules.Count == 0)
        {
            Assert.Equal(ScheduleErrorCodes.PastDate, Assert.IsType<ScheduleParseResult.Invalid>(result).ErrorCode);
        }

        foreach (var schedule in schedules)
        {
            Assert.False(schedule.IsRecurring);
            Assert.InRange(schedule.FirstDate.DayNumber - today.DayNumber, 0, 14);
            Assert.Single(schedule.Next(now, 3));
        }
    }

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 200)]
    public void AnyTextAroundTheNewForms_IsAReadingOrAHint_NeverAnException(AnyText before, AnyText after, byte phrase)
    {
        var (language, schedule) = Phrases[phrase % Phrases.Length];
        var text = before.Value + " " + schedule + " " + after.Value;

        var result = ScheduleGrammar.Parse(text, language, ParseOutcome.Now);

        foreach (var reading in result switch
        {
            ScheduleParseResult.Success s => [s.Schedule],
            ScheduleParseResult.Ambiguous a => a.Alternatives.Select(x => x.Schedule).ToList(),
            _ => new List<MeetingSchedule>(),
        })
        {
            Assert.True(reading.IsUsable, reading.RecurrenceRule);
            Assert.NotEmpty(reading.Next(ParseOutcome.Now, 3));
            Assert.True(reading.Place is null || text.Contains(reading.Place, StringComparison.Ordinal), $"place '{reading.Place}' is not in the text");
        }
    }
}
