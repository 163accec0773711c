using RecipeBot.Core.Meetings;
using RecipeBot.Reminders.Tests.Support;
using static RecipeBot.Reminders.Tests.Support.TestMeetings;

namespace RecipeBot.Reminders.Tests;

/// <summary>
/// Due instants of the default lead times ("1d@10:00", "1h") over whole years, in Tallinn, whose clocks
/// go forward on 29 Mar 2026 / 28 Mar 2027 and back on 25 Oct 2026 / 31 Oct 2027. Expected values were
/// worked out independently (Python's zoneinfo), not with the code under test.
/// </summary>
public sealed class NotificationPlannerTests
{
    private static readonly NotificationPlanner Planner = new(new ReminderOptions());

    // start, "1d@10:00", "1h" — every second Tuesday at 18:00 local.
    private static readonly string[][] MonthlyExpected =
    [
        ["2026-01-13T16:00Z", "2026-01-12T08:00Z", "2026-01-13T15:00Z"],
        ["2026-02-10T16:00Z", "2026-02-09T08:00Z", "2026-02-10T15:00Z"],
        ["2026-03-10T16:00Z", "2026-03-09T08:00Z", "2026-03-10T15:00Z"],
        ["2026-04-14T15:00Z", "2026-04-13T07:00Z", "2026-04-14T14:00Z"],
        ["2026-05-12T15:00Z", "2026-05-11T07:00Z", "2026-05-12T14:00Z"],
        ["2026-06-09T15:00Z", "2026-06-08T07:00Z", "2026-06-09T14:00Z"],
        ["2026-07-14T15:00Z", "2026-07-13T07:00Z", "2026-07-14T14:00Z"],
        ["2026-08-11T15:00Z", "2026-08-10T07:00Z", "2026-08-11T14:00Z"],
        ["2026-09-08T15:00Z", "2026-09-07T07:00Z", "2026-09-08T14:00Z"],
        ["2026-10-13T15:00Z", "2026-10-12T07:00Z", "2026-10-13T14:00Z"],
        ["2026-11-10T16:00Z", "2026-11-09T08:00Z", "2026-11-10T15:00Z"],
        ["2026-12-08T16:00Z", "2026-12-07T08:00Z", "2026-12-08T15:00Z"],
        ["2027-01-12T16:00Z", "2027-01-11T08:00Z", "2027-01-12T15:00Z"],
        ["2027-02-09T16:00Z", "2027-02-08T08:00Z", "2027-02-09T15:00Z"],
        ["2027-03-09T16:00Z", "2027-03-08T08:00Z", "2027-03-09T15:00Z"],
        ["2027-04-13T15:00Z", "2027-04-12T07:00Z", "2027-04-13T14:00Z"],
        ["2027-05-11T15:00Z", "2027-05-10T07:00Z", "2027-05-11T14:00Z"],
        ["2027-06-08T15:00Z", "2027-06-07T07:00Z", "2027-06-08T14:00Z"],
        ["2027-07-13T15:00Z", "2027-07-12T07:00Z", "2027-07-13T14:00Z"],
        ["2027-08-10T15:00Z", "2027-08-09T07:00Z", "2027-08-10T14:00Z"],
        ["2027-09-14T15:00Z", "2027-09-13T07:00Z", "2027-09-14T14:00Z"],
        ["2027-10-12T15:00Z", "2027-10-11T07:00Z", "2027-10-12T14:00Z"],
        ["2027-11-09T16:00Z", "2027-11-08T08:00Z", "2027-11-09T15:00Z"],
        ["2027-12-14T16:00Z", "2027-12-13T08:00Z", "2027-12-14T15:00Z"],
    ];

    // Every other Wednesday at 17:00: the meetings on either side of each clock change.
    private static readonly string[][] FortnightlyAroundClockChanges =
    [
        ["2026-03-18T15:00Z", "2026-03-17T08:00Z", "2026-03-18T14:00Z"],
        ["2026-04-01T14:00Z", "2026-03-31T07:00Z", "2026-04-01T13:00Z"],
        ["2026-10-14T14:00Z", "2026-10-13T07:00Z", "2026-10-14T13:00Z"],
        ["2026-10-28T15:00Z", "2026-10-27T08:00Z", "2026-10-28T14:00Z"],
        ["2027-03-17T15:00Z", "2027-03-16T08:00Z", "2027-03-17T14:00Z"],
        ["2027-03-31T14:00Z", "2027-03-30T07:00Z", "2027-03-31T13:00Z"],
        ["2027-10-27T14:00Z", "2027-10-26T07:00Z", "2027-10-27T13:00Z"],
        ["2027-11-10T15:00Z", "2027-11-09T08:00Z", "2027-11-10T14:00Z"],
    ];

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    public void MonthlySecondTuesday_RemindersOverAYear_FallOnTheExpectedInstants(int year)
    {
        var planned = Planner.Between(Monthly(), YearStart(year), YearStart(year + 1));

        var expected = MonthlyExpected.Where(row => row[0].StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected.Select(row => row[1]), Reminders(planned, "lead-1d@10:00").Select(n => Format(n.DueAt)));
        Assert.Equal(expected.Select(row => row[2]), Reminders(planned, "lead-1h").Select(n => Format(n.DueAt)));
        Assert.Equal(expected.Select(row => row[0]), Reminders(planned, "lead-1h").Select(n => Format(n.Occurrence)));
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    public void FortnightlyWednesday_RemindersOverAYear_KeepTheWallClockAcrossClockChanges(int year)
    {
        var planned = Planner.Between(Fortnightly(), YearStart(year), YearStart(year + 1));
        var dayBefore = Reminders(planned, "lead-1d@10:00");
        var hourBefore = Reminders(planned, "lead-1h");

        Assert.Equal(26, dayBefore.Count);
        Assert.Equal(26, hourBefore.Count);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn");
        foreach (var reminder in dayBefore)
        {
            // Read back on Tallinn's wall clock: 10:00 on the day before a Wednesday 17:00 meeting.
            var start = TimeZoneInfo.ConvertTime(reminder.Occurrence, zone);
            var due = TimeZoneInfo.ConvertTime(reminder.DueAt, zone);
            Assert.Equal((DayOfWeek.Wednesday, new TimeOnly(17, 0)), (start.DayOfWeek, TimeOnly.FromDateTime(start.DateTime)));
            Assert.Equal(start.Date.AddDays(-1).AddHours(10), due.DateTime);
        }

        Assert.All(hourBefore, r => Assert.Equal(TimeSpan.FromHours(1), r.Occurrence - r.DueAt));
        foreach (var row in FortnightlyAroundClockChanges.Where(r => r[0].StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            Assert.Contains(dayBefore, n => Format(n.Occurrence) == row[0] && Format(n.DueAt) == row[1]);
            Assert.Contains(hourBefore, n => Format(n.Occurrence) == row[0] && Format(n.DueAt) == row[2]);
        }
    }

    [Fact]
    public void TheCloseQuestion_ComesTwoHoursAfterTheStart_AndItsRemindersThreeAndSevenDaysAfter()
    {
        var planned = Planner.Between(Monthly(), Utc("2026-10-13T00:00Z"), Utc("2026-10-21T00:00Z"));

        Assert.Equal(
            [
                ("lead-1h", "2026-10-13T14:00Z", TimeSpan.FromHours(1)),
                ("close", "2026-10-13T17:00Z", TimeSpan.FromDays(1)),
                ("close-3d", "2026-10-16T15:00Z", TimeSpan.FromDays(1)),
                ("close-7d", "2026-10-20T15:00Z", TimeSpan.FromDays(1)),
            ],
            planned.Select(n => (n.Kind, Format(n.DueAt), n.Allowance)));
        Assert.Equal("monthly001/20261013T1500Z/close", planned[1].Key);
    }

    [Theory]
    // Sunday meetings on the days the clocks change: "the day before at the same time" is 23 or 25 hours, not 24.
    [InlineData("2026-03-29", "18:00", "1d@18:00", "2026-03-28T16:00Z")]
    [InlineData("2026-03-29", "18:00", "24h", "2026-03-28T15:00Z")]
    [InlineData("2026-10-25", "18:00", "1d@18:00", "2026-10-24T15:00Z")]
    [InlineData("2027-03-28", "18:00", "1d@18:00", "2027-03-27T16:00Z")]
    [InlineData("2027-10-31", "18:00", "1d@18:00", "2027-10-30T15:00Z")]
    // A local time that does not exist (clocks jump 03:00 → 04:00) moves on by the gap.
    [InlineData("2026-03-30", "18:00", "1d@03:30", "2026-03-29T01:30Z")]
    [InlineData("2027-03-29", "18:00", "1d@03:30", "2027-03-28T01:30Z")]
    // A local time that happens twice (04:00 → 03:00) is its first, summer-time instance.
    [InlineData("2026-10-26", "18:00", "1d@03:30", "2026-10-25T00:30Z")]
    [InlineData("2027-11-01", "18:00", "1d@03:30", "2027-10-31T00:30Z")]
    // Two days before a Tuesday after the change is already summer time; three days before is not.
    [InlineData("2026-03-31", "18:00", "2d@10:00", "2026-03-29T07:00Z")]
    [InlineData("2026-03-31", "18:00", "3d@10:00", "2026-03-28T08:00Z")]
    public void WallClockLeadTime_OnClockChangeDays_IsDueAtThatLocalTime(string date, string time, string lead, string expected)
    {
        var planner = new NotificationPlanner(new ReminderOptions { LeadTimes = [lead] });
        var meeting = Once("once000001", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        var reminder = Assert.Single(planner.Between(meeting, Utc("2026-01-01T00:00Z"), Utc("2028-01-01T00:00Z")), n => n.Kind.StartsWith("lead-", StringComparison.Ordinal));

        Assert.Equal(expected, Format(reminder.DueAt));
        Assert.Equal(reminder.Occurrence - reminder.DueAt, reminder.Allowance);
    }

    [Fact]
    public void LeadTime_DueAtOrAfterTheStart_IsDropped()
    {
        var planner = new NotificationPlanner(new ReminderOptions { LeadTimes = ["0d@20:00", "0d@18:00", "0d@17:59"] });
        var meeting = Once("once000002", new DateOnly(2026, 6, 2), new TimeOnly(18, 0));

        var planned = planner.Between(meeting, Utc("2026-06-01T00:00Z"), Utc("2026-06-10T00:00Z"));

        Assert.Equal(["lead-0d@17:59", "close", "close-3d", "close-7d"], planned.Select(n => n.Kind));
    }

    [Theory]
    [InlineData("2026-03-09T07:59Z", "2026-03-09T08:00Z")]
    [InlineData("2026-03-09T08:00Z", "2026-03-10T15:00Z")]
    [InlineData("2026-03-10T15:30Z", "2026-03-10T18:00Z")]
    [InlineData("2026-03-10T18:00Z", "2026-03-13T16:00Z")]
    [InlineData("2026-03-13T16:00Z", "2026-03-17T16:00Z")]
    [InlineData("2026-03-17T16:00Z", "2026-04-13T07:00Z")]
    public void NextDueAt_IsTheFirstDueInstantAfterNow(string now, string expected)
    {
        var plan = Planner.Plan(Monthly(), Utc(now));

        Assert.Equal(expected, plan.NextDueAt is { } next ? Format(next) : null);
    }

    [Fact]
    public void Plan_OwesNothingDueBeforeTheMeetingWasSaved()
    {
        // Saved on Monday 9 March at 12:00 local: the "1d@10:00" reminder (10:00 local) was due before that.
        var meeting = Monthly(created: "2026-03-09T10:00Z");

        var plan = Planner.Plan(meeting, Utc("2026-03-10T15:00Z"));

        Assert.Equal(["lead-1h"], plan.Due.Select(n => n.Kind));
    }

    [Fact]
    public void Plan_OfAPausedMeeting_IsEmpty()
    {
        var meeting = Monthly() with { Status = MeetingStatus.Paused };

        var plan = Planner.Plan(meeting, Utc("2026-03-10T15:00Z"));

        Assert.Empty(plan.Due);
        Assert.Null(plan.NextDueAt);
    }

    [Fact]
    public void OneOffMeeting_AfterItsLastFollowUp_HasNoNextDueTime()
    {
        var meeting = Once("once000003", new DateOnly(2026, 6, 2), new TimeOnly(18, 0));

        Assert.Equal("2026-06-05T15:00Z", Format(Planner.NextAfter(meeting, Utc("2026-06-03T00:00Z"))!.Value));
        Assert.Equal("2026-06-09T15:00Z", Format(Planner.NextAfter(meeting, Utc("2026-06-05T15:00Z"))!.Value));
        Assert.Null(Planner.NextAfter(meeting, Utc("2026-06-09T15:00Z")));
    }

    [Fact]
    public void Describe_RebuildsANotificationFromItsKindAndOccurrence_AlsoForALeadTimeNoLongerConfigured()
    {
        var meeting = Monthly();

        var configured = Planner.Describe(meeting, Utc("2026-03-10T16:00Z"), "lead-1d@10:00");
        var dropped = Planner.Describe(meeting, Utc("2026-03-10T16:00Z"), "lead-30m");

        Assert.Equal("2026-03-09T08:00Z", Format(configured!.DueAt));
        Assert.Equal("2026-03-10T15:30Z", Format(dropped!.DueAt));
        Assert.Null(Planner.Describe(meeting, Utc("2026-03-10T16:00Z"), "minutes-done"));
    }

    private static DateTimeOffset YearStart(int year) => new(year, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<PlannedNotification> Reminders(IEnumerable<PlannedNotification> planned, string kind) =>
        [.. planned.Where(n => n.Kind == kind)];
}
