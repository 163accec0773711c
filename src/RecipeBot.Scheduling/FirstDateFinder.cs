namespace RecipeBot.Scheduling;

/// <summary>
/// Finds DTSTART: the first date from today on whose meeting has not yet started. DTSTART must itself
/// match the RRULE, or RFC 5545 counts it as an extra meeting.
/// </summary>
internal sealed class FirstDateFinder(DateTime nowLocal, TimeOnly startTime)
{
    // Long enough to reach a "fifth Friday" and the same date next year.
    private const int SearchDays = 800;

    public DateTime NowLocal { get; } = nowLocal;

    public DateOnly Today { get; } = DateOnly.FromDateTime(nowLocal);

    /// <summary>The first matching upcoming day, or null when there is none before the window (or the calendar) ends.</summary>
    public DateOnly? First(Func<DateOnly, bool> matches, DateOnly? from = null)
    {
        var start = from is { } f && f > Today ? f : Today;
        var end = start.DayNumber > DateOnly.MaxValue.DayNumber - SearchDays ? DateOnly.MaxValue : start.AddDays(SearchDays);
        for (var day = start; ; day = day.AddDays(1))
        {
            if (matches(day) && IsUpcoming(day))
            {
                return day;
            }

            if (day >= end)
            {
                return null;
            }
        }
    }

    public bool IsUpcoming(DateOnly day) => day.ToDateTime(startTime) > NowLocal;

    public static bool IsNthWeekdayOfMonth(DateOnly day, DayOfWeek weekday, int ordinal) =>
        day.DayOfWeek == weekday && (ordinal > 0 ? (day.Day - 1) / 7 + 1 == ordinal : day.AddDays(7).Month != day.Month);
}
