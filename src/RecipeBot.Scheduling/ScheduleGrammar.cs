using System.Text.RegularExpressions;
using Invalid = RecipeBot.Scheduling.ScheduleParseResult.Invalid;

namespace RecipeBot.Scheduling;

/// <summary>
/// Understands a meeting schedule typed in Estonian, English or Russian. A small grammar of our own:
/// each recognised phrase (date, day relative to today, count of months or weeks, time, "of the month",
/// ordinal weekday, weekday, "every")
/// is taken out of the text in that order, and what remains must be a title or a place.
/// </summary>
public static class ScheduleGrammar
{
    public static ScheduleParseResult Parse(string text, string language, DateTimeOffset now, string timeZone = MeetingSchedule.DefaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ScheduleLexicon.For(language ?? string.Empty) is not { } lexicon)
        {
            return Invalid.Of(ScheduleErrorCodes.UnsupportedLanguage);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return Invalid.Of(ScheduleErrorCodes.UnknownTimeZone);
        }

        var input = new ScheduleText(text);
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var date = TakeDate(input, lexicon);
        var relative = RelativeDays.Take(input, lexicon, DateOnly.FromDateTime(localNow));
        var months = TakeCount(input, lexicon.MonthIntervals, lexicon);
        var interval = TakeCount(input, lexicon.Intervals, lexicon);
        if (interval is < 1 || months is < 1 || (date is not null && relative is not null) || (interval is not null && months is not null))
        {
            // "every 0 weeks", a count the grammar matched but cannot read, or two dates or two rhythms at once.
            return Invalid.Of(ScheduleErrorCodes.Unrecognised);
        }

        if (interval > ScheduleLimits.MaxWeeks || months > ScheduleLimits.MaxMonths)
        {
            return Invalid.Of(ScheduleErrorCodes.IntervalTooLarge);
        }

        var time = TakeTime(input, lexicon, out var timeError);
        if (timeError)
        {
            return Invalid.Of(ScheduleErrorCodes.InvalidTime);
        }

        var monthly = input.Take(lexicon.MonthMarker) is not null || months is not null;
        var (ordinal, weekdays, pluralWeekday) = TakeWeekdays(input, lexicon);
        if (ordinal == 0)
        {
            return Invalid.Of(ScheduleErrorCodes.Unrecognised);
        }

        var recurring = pluralWeekday || interval is not null || months is not null;
        while (input.Take(lexicon.RecurrenceMarker) is not null)
        {
            recurring = true;
        }

        if (relative is { Date: var day })
        {
            date = new DatePhrase(day.Day, day.Month, day.Year);
        }

        if (date is null && weekdays.Count == 0)
        {
            var scheduleWords = recurring || monthly || ordinal is not null;
            return Invalid.Of(monthly ? ScheduleErrorCodes.MissingDayOfMonth : scheduleWords ? ScheduleErrorCodes.UnknownWeekday : ScheduleErrorCodes.Unrecognised);
        }

        if (time is not { } startTime)
        {
            return Invalid.Of(ScheduleErrorCodes.MissingTime);
        }

        if (!TryTitleAndPlace(input, lexicon, out var title, out var place))
        {
            return Invalid.Of(ScheduleErrorCodes.Unrecognised);
        }

        var schedule = new ScheduleShape(weekdays, ordinal, interval, monthly, recurring, date, startTime) { Months = months, OrNextWeek = relative?.OrNextWeek };
        var first = new FirstDateFinder(localNow, startTime);
        return ScheduleAlternatives.Build(schedule, first, timeZone, title, place);
    }

    private static DatePhrase? TakeDate(ScheduleText input, ScheduleLexicon lexicon)
    {
        foreach (var pattern in lexicon.Dates)
        {
            if (input.Take(pattern) is not { } match)
            {
                continue;
            }

            var monthText = match.Groups["mon"].Value;
            var month = int.TryParse(monthText, out var number)
                ? number
                : lexicon.Months.Select((m, i) => (m, i)).FirstOrDefault(p => p.m.IsMatch(monthText), (null!, -1)).Item2 + 1;
            int? year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            return new DatePhrase(int.Parse(match.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture), month, year);
        }

        return null;
    }

    /// <summary>A count of weeks or months: fixed by the phrase ("every other week"), or read from its group <c>n</c>.</summary>
    private static int? TakeCount(ScheduleText input, IReadOnlyList<(Regex Pattern, int Value)> patterns, ScheduleLexicon lexicon)
    {
        foreach (var (pattern, value) in patterns)
        {
            if (input.Take(pattern) is { } match)
            {
                return value == 0 ? lexicon.Number(match.Groups["n"].Value) ?? 0 : value;
            }
        }

        return null;
    }

    private static TimeOnly? TakeTime(ScheduleText input, ScheduleLexicon lexicon, out bool invalid)
    {
        invalid = false;
        foreach (var pattern in lexicon.Times)
        {
            if (input.Take(pattern) is not { } match)
            {
                continue;
            }

            var hour = int.Parse(match.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var dayPart = match.Groups["ap"].Success ? match.Groups["ap"].Value : string.Empty;
            if (dayPart.Length > 0)
            {
                // "at 6 pm" is 18:00, "at 18 pm" is a typo we must not guess at.
                invalid = hour is 0 or > 12;
                hour = lexicon.EveningWords.IsMatch(dayPart) && hour < 12 ? hour + 12
                    : lexicon.MorningWords.IsMatch(dayPart) && hour == 12 ? 0 : hour;
            }

            invalid |= hour > 23 || minute > 59;
            return invalid ? null : new TimeOnly(hour, minute);
        }

        return null;
    }

    private static (int? Ordinal, List<DayOfWeek> Weekdays, bool Plural) TakeWeekdays(ScheduleText input, ScheduleLexicon lexicon)
    {
        if (input.Take(lexicon.OrdinalWeekday) is { } match)
        {
            var ordinalText = match.Groups["ord"].Value;
            var ordinal = lexicon.Ordinals.FirstOrDefault(o => o.Pattern.IsMatch(ordinalText)).Value;
            return (ordinal, [WeekdayOf(lexicon, match.Groups["wd"].Value)], false);
        }

        var weekdays = new List<DayOfWeek>();
        var plural = false;
        for (var i = 0; i < lexicon.Weekdays.Count; i++)
        {
            while (input.Take(lexicon.Weekdays[i]) is { } day)
            {
                plural |= lexicon.RecurringWeekdayForm.IsMatch(day.Value);
                var dayOfWeek = (DayOfWeek)((i + 1) % 7);
                if (!weekdays.Contains(dayOfWeek))
                {
                    weekdays.Add(dayOfWeek);
                }
            }
        }

        return (null, weekdays, plural);
    }

    internal static DayOfWeek WeekdayOf(ScheduleLexicon lexicon, string text)
    {
        for (var i = 0; i < lexicon.Weekdays.Count; i++)
        {
            if (lexicon.Weekdays[i].IsMatch(text))
            {
                return (DayOfWeek)((i + 1) % 7);
            }
        }

        throw new InvalidOperationException($"'{text}' matched a weekday pattern but no single weekday.");
    }

    private static bool TryTitleAndPlace(ScheduleText input, ScheduleLexicon lexicon, out string? title, out string? place)
    {
        title = null;
        place = null;
        foreach (var leftover in input.Leftovers(lexicon.Fillers))
        {
            if (lexicon.Place.Match(leftover.WithMarkers.Folded) is { Success: true } match && place is null)
            {
                var group = match.Groups["place"];
                place = leftover.WithMarkers.Text.Substring(group.Index, group.Length).Trim();
            }
            else if (leftover.AtStart)
            {
                title = leftover.Words.Text;
            }
            else
            {
                // Words we do not understand might change the schedule ("except in July"): refuse rather than guess.
                return false;
            }
        }

        return true;
    }
}
