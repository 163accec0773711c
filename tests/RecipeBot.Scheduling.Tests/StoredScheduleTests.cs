using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

/// <summary>Schedules read back from storage that no grammar would make today: they have no dates, and never throw.</summary>
public class StoredScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("FREQ=WEEKLY;INTERVAL=200000;BYDAY=MO")]
    [InlineData("FREQ=WEEKLY;INTERVAL=999999999;BYDAY=MO")]
    [InlineData("FREQ=WEEKLY;INTERVAL=53;BYDAY=MO")]
    [InlineData("FREQ=MONTHLY;INTERVAL=13;BYDAY=2TU")]
    [InlineData("FREQ=DAILY;INTERVAL=367")]
    [InlineData("FREQ=YEARLY;INTERVAL=5000")]
    [InlineData("FREQ=SECONDLY")]
    [InlineData("FREQ=WEEKLY;INTERVAL=0;BYDAY=MO")]
    [InlineData("not a rule at all")]
    public void AStoredScheduleBeyondTheLimits_HasNoDates_AndIsNotUsable(string rule)
    {
        var schedule = new MeetingSchedule(rule, new TimeOnly(10, 0), new DateOnly(2026, 1, 5));

        Assert.Empty(schedule.Next(Now, 16));
        Assert.False(schedule.IsUsable);
    }

    [Fact]
    public void AStoredScheduleInAnUnknownTimeZone_HasNoDates()
    {
        var schedule = new MeetingSchedule("FREQ=WEEKLY;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(2026, 1, 5), "Mars/Olympus_Mons");

        Assert.Empty(schedule.Next(Now, 3));
        Assert.False(schedule.IsUsable);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;INTERVAL=52;BYDAY=MO")]
    [InlineData("FREQ=MONTHLY;INTERVAL=12;BYDAY=2TU")]
    [InlineData("FREQ=DAILY;INTERVAL=366")]
    [InlineData("FREQ=YEARLY")]
    public void AScheduleAtTheLimit_IsUsable(string rule)
    {
        var schedule = new MeetingSchedule(rule, new TimeOnly(10, 0), new DateOnly(2026, 1, 5));

        Assert.True(schedule.IsUsable);
        Assert.Equal(3, schedule.Next(Now, 3).Count);
    }

    [Fact]
    public void ASeriesRunningIntoTheEndOfTheCalendar_StopsThere()
    {
        var schedule = new MeetingSchedule("FREQ=WEEKLY;INTERVAL=52;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(9990, 1, 4));

        var dates = schedule.Next(new DateTimeOffset(9990, 1, 1, 0, 0, 0, TimeSpan.Zero), 100);

        // A year apart, from 9990 to the calendar's last year: about ten, then no more.
        Assert.InRange(dates.Count, 8, 10);
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(9999, dates.Max().Year);
    }

    [Fact]
    public void ARuleThatNeverMatches_HasNoDates_InsteadOfSearchingForever()
    {
        var schedule = new MeetingSchedule("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", new TimeOnly(10, 0), new DateOnly(2026, 1, 5));

        Assert.Empty(schedule.Next(Now, 1));
    }

    [Fact]
    public void ARecurringScheduleFromTheLastDaysOfTheCalendar_IsRefused_NotThrown()
    {
        var result = ScheduleGrammar.Parse("every Monday from 31.12.9999 at 10", "en", Now);

        Assert.IsType<ScheduleParseResult.Invalid>(result);
    }
}
