using System.Globalization;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

public class MeetingScheduleTests
{
    // EU daylight saving in 2026 runs from 29 March to 25 October: Tallinn is +02:00 outside, +03:00 inside.
    private static readonly string[] SecondTuesdaysOf2026 =
    [
        "2026-01-13T18:00+02:00", "2026-02-10T18:00+02:00", "2026-03-10T18:00+02:00", "2026-04-14T18:00+03:00",
        "2026-05-12T18:00+03:00", "2026-06-09T18:00+03:00", "2026-07-14T18:00+03:00", "2026-08-11T18:00+03:00",
        "2026-09-08T18:00+03:00", "2026-10-13T18:00+03:00", "2026-11-10T18:00+02:00", "2026-12-08T18:00+02:00",
    ];

    private static readonly string[] FortnightlyMondaysAroundDst =
    [
        "2026-03-02T10:00+02:00", "2026-03-16T10:00+02:00", "2026-03-30T10:00+03:00", "2026-04-13T10:00+03:00",
    ];

    private static readonly string[] FortnightlyMondaysAroundDstEnd =
    [
        "2026-09-28T10:00+03:00", "2026-10-12T10:00+03:00", "2026-10-26T10:00+02:00", "2026-11-09T10:00+02:00",
    ];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void MonthlySecondTuesdayAt18_StaysAt18LocalAcrossBothDstChanges()
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse("every second Tuesday of the month at 18:00", "en", _time.GetUtcNow()));

        var occurrences = schedule.Next(_time.GetUtcNow(), 12);

        Assert.Equal(SecondTuesdaysOf2026, occurrences.Select(Format));
    }

    [Fact]
    public void FortnightlyMondayAt10_KeepsItsRhythmAndLocalTimeAcrossDst()
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse("every other Monday at 10", "en", _time.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 1, 5), schedule.FirstDate);

        _time.Advance(TimeSpan.FromDays(59));
        var spring = schedule.Next(_time.GetUtcNow(), 4);
        _time.Advance(TimeSpan.FromDays(208));
        var autumn = schedule.Next(_time.GetUtcNow(), 4);

        Assert.Equal(FortnightlyMondaysAroundDst, spring.Select(Format));
        Assert.Equal(FortnightlyMondaysAroundDstEnd, autumn.Select(Format));
    }

    [Fact]
    public void FortnightlyMonday_HasTwentySixMeetingsIn2026()
    {
        var schedule = new MeetingSchedule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(2026, 1, 5));

        var occurrences = schedule.Next(_time.GetUtcNow(), 100).Where(o => o.Year == 2026).ToList();

        Assert.Equal(26, occurrences.Count);
        Assert.Equal("2026-12-21T10:00+02:00", Format(occurrences[^1]));
    }

    [Fact]
    public void Next_IsStrictlyAfterTheGivenInstant()
    {
        var schedule = new MeetingSchedule("FREQ=MONTHLY;BYDAY=2TU", new TimeOnly(18, 0), new DateOnly(2026, 1, 13));
        var atMarchMeeting = DateTimeOffset.Parse("2026-03-10T18:00+02:00", CultureInfo.InvariantCulture);

        var next = schedule.Next(atMarchMeeting, 1);

        Assert.Equal(["2026-04-14T18:00+03:00"], next.Select(Format));
    }

    [Fact]
    public void OneOffMeeting_OccursOnceAndThenNoMore()
    {
        var schedule = ParseOutcome.Single(ScheduleGrammar.Parse("5. detsembril kell 14", "et", _time.GetUtcNow()));

        Assert.Equal(["2026-12-05T14:00+02:00"], schedule.Next(_time.GetUtcNow(), 3).Select(Format));
        Assert.Empty(schedule.Next(DateTimeOffset.Parse("2026-12-05T14:00+02:00", CultureInfo.InvariantCulture), 3));
    }

    [Fact]
    public void ToICalendar_WritesEventWithRuleTimeZoneTitleAndPlace()
    {
        var schedule = new MeetingSchedule("FREQ=MONTHLY;BYDAY=2TU", new TimeOnly(18, 0), new DateOnly(2026, 1, 13), Title: "Töörühm", Place: "Vallamaja");

        var ics = schedule.ToICalendar("wg-1@recipebot", _time.GetUtcNow());

        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Tallinn", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Tallinn:20260113T180000", ics, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=MONTHLY;BYDAY=2TU", ics, StringComparison.Ordinal);
        Assert.Contains("UID:wg-1@recipebot", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20260101T000000Z", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Töörühm", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Vallamaja", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    public void AScheduleInUtc_HasItsDatesAndExports(string zone)
    {
        var schedule = new MeetingSchedule("FREQ=WEEKLY;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(2026, 1, 5), zone);

        var reread = Ical.Net.Calendar.Load(schedule.ToICalendar("utc-1", _time.GetUtcNow()))!.Events.Single()
            .GetOccurrences(new CalDateTime(_time.GetUtcNow().UtcDateTime, "UTC"), null)
            .Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc))
            .First();

        Assert.Equal(["2026-01-05T10:00+00:00"], schedule.Next(_time.GetUtcNow(), 1).Select(Format));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), reread);
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU", 18, "2026-01-13")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", 10, "2026-01-05")]
    [InlineData("", 14, "2026-12-05")]
    public void ExportedICalendar_ParsesBackWithTheSameOccurrences(string rule, int hour, string firstDate)
    {
        var schedule = new MeetingSchedule(rule, new TimeOnly(hour, 0), DateOnly.Parse(firstDate, CultureInfo.InvariantCulture));

        var calendar = Ical.Net.Calendar.Load(schedule.ToICalendar("uid-1", _time.GetUtcNow()));
        var reread = calendar!.Events.Single()
            .GetOccurrences(new CalDateTime(_time.GetUtcNow().UtcDateTime, "UTC"), null)
            .Take(12)
            .Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc));

        Assert.Equal(schedule.Next(_time.GetUtcNow(), 12), reread);
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
}
