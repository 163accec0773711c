using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Tests;

/// <summary>Every rule the bot makes reads in words in every language of the content — never as a raw RRULE.</summary>
public sealed class ScheduleWordsTests
{
    private static readonly MeetingMessages Messages = new(RepositoryContent.Compile());

    private static readonly string[] Codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static TheoryData<string> Rules()
    {
        var rules = new TheoryData<string>();
        foreach (var code in Codes)
        {
            rules.Add($"FREQ=WEEKLY;BYDAY={code}");
            rules.Add($"FREQ=WEEKLY;INTERVAL=3;BYDAY={code}");
            foreach (var ordinal in new[] { 1, 2, 3, 4, 5, -1 })
            {
                for (var months = 1; months <= ScheduleLimits.MaxMonths; months++)
                {
                    rules.Add(months == 1 ? $"FREQ=MONTHLY;BYDAY={ordinal}{code}" : $"FREQ=MONTHLY;INTERVAL={months};BYDAY={ordinal}{code}");
                }
            }
        }

        rules.Add("FREQ=MONTHLY;BYMONTHDAY=15");
        rules.Add("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31");
        return rules;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void EveryRuleTheBotMakes_ReadsInWords(string rule)
    {
        var schedule = new MeetingSchedule(rule, new TimeOnly(18, 0), new DateOnly(2026, 1, 1));

        foreach (var language in RepositoryContent.Content.Flow.Languages)
        {
            var words = Messages.Summary(schedule, language);

            Assert.DoesNotContain("FREQ", words, StringComparison.Ordinal);
            Assert.DoesNotContain("{", words, StringComparison.Ordinal);
            Assert.Contains("18:00", words, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU", "ru", "в первый вторник каждого месяца в 18:00")]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU", "ru", "во второй вторник каждого месяца в 18:00")]
    [InlineData("FREQ=MONTHLY;BYDAY=2WE", "ru", "во вторую среду каждого месяца в 18:00")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1SU", "ru", "в последнее воскресенье каждого месяца в 18:00")]
    [InlineData("FREQ=MONTHLY;INTERVAL=6;BYDAY=3FR", "ru", "раз в полгода, в третью пятницу месяца в 18:00")]
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "ru", "раз в квартал 15-го числа в 18:00")]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU", "et", "iga kuu esimesel teisipäeval kell 18:00")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR", "et", "iga kuu viimasel reedel kell 18:00")]
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU", "et", "kord kvartalis, kuu esimesel teisipäeval kell 18:00")]
    [InlineData("FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE", "et", "üle kuu, kuu teisel kolmapäeval kell 18:00")]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU", "en", "on the first Tuesday of every month at 18:00")]
    [InlineData("FREQ=MONTHLY;INTERVAL=12;BYDAY=-1MO", "en", "once a year, on the last Monday of the month at 18:00")]
    public void MonthlyRules_ReadNaturally(string rule, string language, string expected)
    {
        var schedule = new MeetingSchedule(rule, new TimeOnly(18, 0), new DateOnly(2026, 1, 1));

        Assert.Equal(expected, Messages.Summary(schedule, language));
    }

    [Theory]
    [InlineData("et", "vallamajas", "Koosolek", "esmaspäeviti kell 18:00 vallamajas – Koosolek")]
    [InlineData("et", "koht: Rahvamaja", null, "esmaspäeviti kell 18:00, koht: Rahvamaja")]
    [InlineData("en", "in the library", null, "on Mondays at 18:00 in the library")]
    [InlineData("ru", "в доме культуры", null, "по понедельникам в 18:00 в доме культуры")]
    public void ThePlace_FollowsTheTimeAsTyped_AndALabelStandsApart(string language, string place, string? title, string expected)
    {
        var schedule = new MeetingSchedule("FREQ=WEEKLY;BYDAY=MO", new TimeOnly(18, 0), new DateOnly(2026, 1, 5), Title: title, Place: place);

        Assert.Equal(expected, Messages.Summary(schedule, language));
    }

    [Fact]
    public void ARuleTheBotDoesNotMake_IsShownAsItIs()
    {
        var schedule = new MeetingSchedule("FREQ=DAILY;INTERVAL=2", new TimeOnly(18, 0), new DateOnly(2026, 1, 1));

        Assert.Equal("FREQ=DAILY;INTERVAL=2", Messages.Summary(schedule, "en"));
    }
}
