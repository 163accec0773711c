using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace RecipeBot.Scheduling;

/// <summary>
/// A meeting series (or a one-off meeting) as RFC 5545 sees it: a local wall-clock start in an
/// IANA time zone plus an optional RRULE. An empty <see cref="RecurrenceRule"/> means a single meeting.
/// </summary>
public sealed record MeetingSchedule(
    string RecurrenceRule,
    TimeOnly StartTime,
    DateOnly FirstDate,
    string TimeZone = MeetingSchedule.DefaultTimeZone,
    string? Title = null,
    string? Place = null)
{
    public const string DefaultTimeZone = "Europe/Tallinn";

    public bool IsRecurring => RecurrenceRule.Length > 0;

    /// <summary>The next <paramref name="count"/> starts strictly after <paramref name="after"/>, with the local offset of each.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var from = new CalDateTime(after.UtcDateTime, "UTC");
        return CreateEvent("next")
            .GetOccurrences(from, null)
            .Select(o => o.Period.StartTime.AsUtc)
            .Where(utc => utc > after.UtcDateTime)
            .Take(count)
            .Select(utc => new DateTimeOffset(utc).ToOffset(zone.GetUtcOffset(utc)))
            .ToList();
    }

    /// <summary>A VCALENDAR with one VEVENT and the VTIMEZONE it needs, for export as an .ics file.</summary>
    public string ToICalendar(string uid, DateTimeOffset stamp)
    {
        var calendar = new Calendar();
        var calendarEvent = CreateEvent(uid);
        calendarEvent.DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC");
        calendar.Events.Add(calendarEvent);
        // Clients without a zone database need the rules from the first meeting on, not history.
        var earliest = FirstDate.AddYears(-1).ToDateTime(TimeOnly.MinValue);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, earliest, includeHistoricalData: false));
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private CalendarEvent CreateEvent(string uid)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = uid,
            DtStart = new CalDateTime(FirstDate, StartTime, TimeZone),
            Summary = Title,
            Location = Place,
        };
        if (IsRecurring)
        {
            calendarEvent.RecurrenceRule = new RecurrencePattern(RecurrenceRule);
        }

        return calendarEvent;
    }
}
