namespace RecipeBot.Scheduling;

/// <summary>A day named relative to today; <see cref="OrNextWeek"/> is the other reading of "next Thursday" said early in the week.</summary>
internal sealed record RelativeDay(DateOnly Date, DateOnly? OrNextWeek);

/// <summary>"today", "tomorrow", "next Thursday", "this Thursday", "Thursday next week" — in the user's time zone.</summary>
internal static class RelativeDays
{
    public static RelativeDay? Take(ScheduleText input, ScheduleLexicon lexicon, DateOnly today)
    {
        foreach (var (pattern, offset) in lexicon.DayOffsets)
        {
            if (input.Take(pattern) is not null)
            {
                return new RelativeDay(today.AddDays(offset), null);
            }
        }

        if (input.Take(lexicon.NextWeekWeekday) is { } nextWeek)
        {
            var monday = StartOfWeek(today).AddDays(7);
            return new RelativeDay(monday.AddDays(DaysFromMonday(ScheduleGrammar.WeekdayOf(lexicon, nextWeek.Groups["wd"].Value))), null);
        }

        if (input.Take(lexicon.NextWeekday) is { } next)
        {
            // "next Thursday" on a Monday is this week's Thursday to some and next week's to others; from Thursday on, only the coming one.
            var day = Following(today.AddDays(1), ScheduleGrammar.WeekdayOf(lexicon, next.Groups["wd"].Value));
            return new RelativeDay(day, StartOfWeek(day) == StartOfWeek(today) ? day.AddDays(7) : null);
        }

        return input.Take(lexicon.ThisWeekday) is { } coming
            ? new RelativeDay(Following(today, ScheduleGrammar.WeekdayOf(lexicon, coming.Groups["wd"].Value)), null)
            : null;
    }

    /// <summary>The first <paramref name="weekday"/> on or after <paramref name="from"/>.</summary>
    private static DateOnly Following(DateOnly from, DayOfWeek weekday) =>
        from.AddDays(((int)weekday - (int)from.DayOfWeek + 7) % 7);

    private static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-DaysFromMonday(day.DayOfWeek));

    private static int DaysFromMonday(DayOfWeek day) => ((int)day + 6) % 7;
}
