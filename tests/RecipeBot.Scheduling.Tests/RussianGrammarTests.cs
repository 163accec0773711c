using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

public class RussianGrammarTests
{
    [Theory]
    [InlineData("каждый понедельник в 10", "FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("Каждый понедельник в 10:30", "FREQ=WEEKLY;BYDAY=MO 10:30 2026-01-05")]
    [InlineData("по понедельникам в 10:30", "FREQ=WEEKLY;BYDAY=MO 10:30 2026-01-05")]
    [InlineData("каждый вторник в 18.00", "FREQ=WEEKLY;BYDAY=TU 18:00 2026-01-06")]
    [InlineData("каждую среду в 17:30", "FREQ=WEEKLY;BYDAY=WE 17:30 2026-01-07")]
    [InlineData("по четвергам в 10", "FREQ=WEEKLY;BYDAY=TH 10:00 2026-01-08")]
    [InlineData("каждую пятницу в 6 вечера", "FREQ=WEEKLY;BYDAY=FR 18:00 2026-01-02")]
    [InlineData("по субботам в 10 утра", "FREQ=WEEKLY;BYDAY=SA 10:00 2026-01-03")]
    [InlineData("каждое воскресенье в 2 дня", "FREQ=WEEKLY;BYDAY=SU 14:00 2026-01-04")]
    [InlineData("по средам в 18 часов", "FREQ=WEEKLY;BYDAY=WE 18:00 2026-01-07")]
    [InlineData("по понедельникам и средам в 10", "FREQ=WEEKLY;BYDAY=MO,WE 10:00 2026-01-05")]
    [InlineData("еженедельно в четверг в 18", "FREQ=WEEKLY;BYDAY=TH 18:00 2026-01-01")]
    [InlineData("раз в две недели в среду в 17:30", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE 17:30 2026-01-07")]
    [InlineData("раз в 3 недели в пятницу в 9", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR 09:00 2026-01-02")]
    [InlineData("каждые две недели по понедельникам в 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("через неделю во вторник в 11", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 11:00 2026-01-06")]
    [InlineData("каждую вторую неделю в понедельник в 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("каждый второй вторник месяца в 18:00", "FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("во второй вторник каждого месяца в 18", "FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("в последнюю пятницу месяца в 15", "FREQ=MONTHLY;BYDAY=-1FR 15:00 2026-01-30")]
    [InlineData("в первый понедельник месяца в 10", "FREQ=MONTHLY;BYDAY=1MO 10:00 2026-01-05")]
    [InlineData("ежемесячно в третью среду в 17:00", "FREQ=MONTHLY;BYDAY=3WE 17:00 2026-01-21")]
    [InlineData("в последний четверг в 15:00", "FREQ=MONTHLY;BYDAY=-1TH 15:00 2026-01-29")]
    [InlineData("5 декабря в 14:00", "ONCE 14:00 2026-12-05")]
    [InlineData("5 декабря 2026 года в 14", "ONCE 14:00 2026-12-05")]
    [InlineData("12.01.2027 в 9", "ONCE 09:00 2027-01-12")]
    [InlineData("1 мая в 10 утра", "ONCE 10:00 2026-05-01")]
    [InlineData("каждый второй вторник в 18", "ambiguous: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 18:00 2026-01-06 | FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("каждый 2-й вторник в 18:00", "ambiguous: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 18:00 2026-01-06 | FREQ=MONTHLY;BYDAY=2TU 18:00 2026-01-13")]
    [InlineData("в понедельник в 10", "ambiguous: ONCE 10:00 2026-01-05 | FREQ=WEEKLY;BYDAY=MO 10:00 2026-01-05")]
    [InlineData("каждый понедельник", "invalid: missing-time")]
    [InlineData("каждый понеделник в 10", "invalid: unknown-weekday")]
    [InlineData("каждый понедельник в 25:00", "invalid: invalid-time")]
    [InlineData("каждую пятницу в 18 вечера", "invalid: invalid-time")]
    [InlineData("5 декабря 2025 в 14:00", "invalid: past-date")]
    [InlineData("30 февраля в 10", "invalid: invalid-date")]
    [InlineData("привет, как дела?", "invalid: unrecognised")]
    public void RussianPhrase_ParsesToExpectedSchedule(string text, string expected)
    {
        var result = ScheduleGrammar.Parse(text, "ru", ParseOutcome.Now);

        Assert.Equal(expected, ParseOutcome.Describe(result));
    }

    [Fact]
    public void TitleBefore_AndPlaceWithItsPreposition_AreTakenAsTyped()
    {
        var schedule = ParseOutcome.Single(
            ScheduleGrammar.Parse("Заседание рабочей группы каждый понедельник в 10 в доме культуры", "ru", ParseOutcome.Now));

        Assert.Equal(("Заседание рабочей группы", "в доме культуры"), (schedule.Title, schedule.Place));
    }
}
