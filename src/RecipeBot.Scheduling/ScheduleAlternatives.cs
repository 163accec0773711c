using System.Globalization;
using Invalid = RecipeBot.Scheduling.ScheduleParseResult.Invalid;

namespace RecipeBot.Scheduling;

/// <summary>Turns what the grammar found into one schedule, or into the readings the user must choose from.</summary>
internal static class ScheduleAlternatives
{
    public const string EveryNthWeekKey = "schedule.every-nth-week";
    public const string NthWeekdayOfMonthKey = "schedule.nth-weekday-of-month";
    public const string OnceKey = "schedule.once";
    public const string WeeklyKey = "schedule.weekly";
    public const string ThisWeekKey = "schedule.this-week";
    public const string NextWeekKey = "schedule.next-week";

    public static ScheduleParseResult Build(ScheduleShape shape, FirstDateFinder finder, string timeZone, string? title, string? place)
    {
        MeetingSchedule Schedule(string rule, DateOnly first) => new(rule, shape.StartTime, first, timeZone, title, place);

        DateOnly? from = null;
        if (shape.Date is { } phrase)
        {
            if (ResolveDate(phrase, finder) is not { } date)
            {
                // 2028 is a leap year, so without a year only impossible dates such as 31 April are invalid.
                return Invalid.Of(IsValid(phrase, phrase.Year ?? 2028) ? ScheduleErrorCodes.PastDate : ScheduleErrorCodes.InvalidDate);
            }

            if (shape.Monthly && shape.Weekdays.Count == 0)
            {
                // "quarterly from 15 January": that day of the month; RFC 5545 skips the months without it (the 31st).
                return new ScheduleParseResult.Success(Schedule(MonthlyRule(shape.Months, "BYMONTHDAY=" + date.Day.ToString(CultureInfo.InvariantCulture)), date));
            }

            if (!shape.Recurring || shape.Weekdays.Count == 0)
            {
                if (shape.Weekdays.Count > 0 && !shape.Weekdays.Contains(date.DayOfWeek))
                {
                    return Invalid.Of(ScheduleErrorCodes.InvalidDate);
                }

                // "next Thursday" said on a Monday: this week's or next week's?
                return shape.OrNextWeek is { } later
                    ? new ScheduleParseResult.Ambiguous([new(ThisWeekKey, Schedule(string.Empty, date)), new(NextWeekKey, Schedule(string.Empty, later))])
                    : new ScheduleParseResult.Success(Schedule(string.Empty, date));
            }

            // "every Monday from 5 January": the date only says when the series begins.
            from = date;
        }

        var days = string.Join(",", shape.Weekdays.Select(Code));
        if (shape.Ordinal is { } ordinal)
        {
            var weekday = shape.Weekdays[0];
            if (finder.First(d => FirstDateFinder.IsNthWeekdayOfMonth(d, weekday, ordinal), from) is not { } monthlyFirst
                || finder.First(d => d.DayOfWeek == weekday, from) is not { } weeklyFirst)
            {
                return Invalid.Of(ScheduleErrorCodes.InvalidDate);
            }

            var monthly = Schedule(MonthlyRule(shape.Months, $"BYDAY={ordinal.ToString(CultureInfo.InvariantCulture)}{days}"), monthlyFirst);
            if (shape.Monthly || ordinal is 1 or -1 or 5)
            {
                return new ScheduleParseResult.Success(monthly);
            }

            // "every second Tuesday" is every other Tuesday to some and the 2nd Tuesday of the month to others.
            var everyNthWeek = Schedule(WeeklyRule(ordinal, days), weeklyFirst);
            return new ScheduleParseResult.Ambiguous([new(EveryNthWeekKey, everyNthWeek), new(NthWeekdayOfMonthKey, monthly)]);
        }

        if (shape.Monthly)
        {
            // "every month on Monday" names no week of the month.
            return Invalid.Of(ScheduleErrorCodes.MissingDayOfMonth);
        }

        if (finder.First(d => shape.Weekdays.Contains(d.DayOfWeek), from) is not { } first)
        {
            return Invalid.Of(ScheduleErrorCodes.InvalidDate);
        }

        var weekly = Schedule(WeeklyRule(shape.Interval ?? 1, days), first);
        if (shape.Recurring || shape.Weekdays.Count > 1)
        {
            return new ScheduleParseResult.Success(weekly);
        }

        // "on Monday at 10" may mean this Monday only.
        var once = Schedule(string.Empty, weekly.FirstDate);
        return new ScheduleParseResult.Ambiguous([new(OnceKey, once), new(WeeklyKey, weekly)]);
    }

    private static string MonthlyRule(int? months, string byDay) =>
        months > 1 ? $"FREQ=MONTHLY;INTERVAL={months.Value.ToString(CultureInfo.InvariantCulture)};{byDay}" : $"FREQ=MONTHLY;{byDay}";

    private static string WeeklyRule(int interval, string days) =>
        interval > 1 ? $"FREQ=WEEKLY;INTERVAL={interval.ToString(CultureInfo.InvariantCulture)};BYDAY={days}" : $"FREQ=WEEKLY;BYDAY={days}";

    private static DateOnly? ResolveDate(DatePhrase phrase, FirstDateFinder finder)
    {
        if (phrase.Year is { } year)
        {
            return IsValid(phrase, year) && finder.IsUpcoming(new DateOnly(year, phrase.Month, phrase.Day))
                ? new DateOnly(year, phrase.Month, phrase.Day)
                : null;
        }

        // Without a year the user means the next such date; 29 February may be years away.
        for (var candidate = finder.Today.Year; candidate <= finder.Today.Year + 8; candidate++)
        {
            if (IsValid(phrase, candidate) && finder.IsUpcoming(new DateOnly(candidate, phrase.Month, phrase.Day)))
            {
                return new DateOnly(candidate, phrase.Month, phrase.Day);
            }
        }

        return null;
    }

    private static bool IsValid(DatePhrase phrase, int year) =>
        phrase.Month is >= 1 and <= 12 && year is >= 1 and <= 9999 && phrase.Day >= 1 && phrase.Day <= DateTime.DaysInMonth(year, phrase.Month);

    private static string Code(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };
}
