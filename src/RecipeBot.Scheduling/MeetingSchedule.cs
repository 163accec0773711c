using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
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

    /// <summary>
    /// False for a schedule no reminder can follow: an unknown time zone, an RRULE that does not parse,
    /// or an interval beyond <see cref="ScheduleLimits"/> (a row written before the limits, or by hand).
    /// </summary>
    public bool IsUsable => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) && (!IsRecurring || TryParseRule(RecurrenceRule) is { } rule && ScheduleLimits.Allows(rule));

    /// <summary>
    /// The next <paramref name="count"/> starts strictly after <paramref name="after"/>, with the local offset of each.
    /// Never throws for a stored schedule: one that is not <see cref="IsUsable"/> has no starts, and a series that
    /// runs past the calendar's end (year 9999) ends there.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var starts = new List<DateTimeOffset>(Math.Min(count, 64));
        if (count == 0 || !IsUsable)
        {
            return starts;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var from = new CalDateTime(after.UtcDateTime, "UTC");
        try
        {
            foreach (var occurrence in CreateEvent("next").GetOccurrences(from, null))
            {
                var utc = occurrence.Period.StartTime.AsUtc;
                if (utc > after.UtcDateTime)
                {
                    starts.Add(new DateTimeOffset(utc).ToOffset(zone.GetUtcOffset(utc)));
                    if (starts.Count == count)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is EvaluationException or ArgumentOutOfRangeException)
        {
            // The series reaches the end of the calendar (or Ical.Net's evaluation limit): what came before stands.
        }

        return starts;
    }

    private static RecurrencePattern? TryParseRule(string rule)
    {
        try
        {
            return new RecurrencePattern(rule);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return null;
        }
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
