using Ical.Net;
using Ical.Net.DataTypes;

namespace RecipeBot.Scheduling;

/// <summary>
/// The longest gap a regular meeting may have between two occurrences. Beyond a year it is a typo, not a
/// rhythm — and RRULE arithmetic on "every 999999999 weeks" runs past the calendar's end.
/// </summary>
public static class ScheduleLimits
{
    public const int MaxDays = 366;
    public const int MaxWeeks = 52;
    public const int MaxMonths = 12;
    public const int MaxYears = 1;

    /// <summary>Whether the frequency and interval are within the limits; rules more often than daily are none of ours.</summary>
    public static bool Allows(RecurrencePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var max = pattern.Frequency switch
        {
            FrequencyType.Daily => MaxDays,
            FrequencyType.Weekly => MaxWeeks,
            FrequencyType.Monthly => MaxMonths,
            FrequencyType.Yearly => MaxYears,
            _ => 0,
        };
        return pattern.Interval >= 1 && pattern.Interval <= max;
    }
}
