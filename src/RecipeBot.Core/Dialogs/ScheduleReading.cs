using System.Globalization;
using System.Text.RegularExpressions;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Dialogs;

/// <summary>Reading what the user gives the schedule dialog: a typed schedule in any language, a clock time, the guided answers.</summary>
internal static partial class ScheduleReading
{
    public static readonly string[] Frequencies = ["weekly", "biweekly", ScheduleMachine.Monthly, ScheduleMachine.Quarterly, ScheduleMachine.Once];
    public static readonly string[] Times = ["09:00", "10:00", "13:00", "15:00", "17:00", "18:00"];
    public static readonly string[] Weeks = ["1", "2", "3", "4", "last"];

    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A clock time as people type it: 18, 18:30, 18.30, kell 18.</summary>
    [GeneratedRegex(@"^[^0-9]*?([0-9]{1,2})(?:[:.]([0-9]{2}))?[^0-9]*$")]
    private static partial Regex TypedTime();

    /// <summary><paramref name="text"/> read as a schedule in <paramref name="language"/> first, then in the others.</summary>
    public static ScheduleParseResult Parse(string text, string language, IEnumerable<string> languages, DateTimeOffset now, string zone)
    {
        ScheduleParseResult? first = null;
        foreach (var candidate in languages.OrderBy(l => l == language ? 0 : 1))
        {
            var result = ScheduleGrammar.Parse(text, candidate, now, zone);
            if (result is not ScheduleParseResult.Invalid)
            {
                return result;
            }

            first ??= result;
        }

        return first!;
    }

    public static TimeOnly? TimeOf(string text)
    {
        var match = TypedTime().Match(AsciiDigits(text.Trim()));
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (hour is >= 1 and <= 11 && text.Contains("pm", StringComparison.OrdinalIgnoreCase))
        {
            hour += 12;
        }

        var minute = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>Digits of any script ("١٨", "१८") as ASCII digits, so "18" means eighteen however it was typed.</summary>
    private static string AsciiDigits(string text)
    {
        if (!text.Any(c => c > '\u007f' && char.IsDigit(c)))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c > '\u007f' && char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });
    }

    public static DayOfWeek? WeekdayOf(string code) =>
        Array.FindIndex(Weekdays, d => MeetingMessages.WeekdayCode(d) == code) is var i and >= 0 ? Weekdays[i] : null;

    public static int? WeekOf(string value) =>
        value == "last" ? -1 : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 4 ? week : null;

    public static DateOnly? DateOf(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// The guided answers (frequency, weekday, week, date) and <paramref name="startTime"/> as a schedule whose first
    /// meeting is the first matching day still ahead; null when the one day chosen has passed meanwhile.
    /// </summary>
    public static MeetingSchedule? Guided(ScheduleDraft draft, TimeOnly startTime, string zone, DateTimeOffset now, DateOnly today)
    {
        var weekday = draft.Weekday ?? today.DayOfWeek;
        var code = MeetingMessages.WeekdayCode(weekday).ToUpperInvariant();
        var (rule, matches) = draft.Frequency switch
        {
            "biweekly" => ($"FREQ=WEEKLY;INTERVAL=2;BYDAY={code}", (Func<DateOnly, bool>)(d => d.DayOfWeek == weekday)),
            ScheduleMachine.Monthly => ($"FREQ=MONTHLY;BYDAY={(draft.WeekOfMonth ?? 1).ToString(CultureInfo.InvariantCulture)}{code}", d => IsNthWeekday(d, weekday, draft.WeekOfMonth ?? 1)),
            ScheduleMachine.Quarterly => ($"FREQ=MONTHLY;INTERVAL=3;BYDAY={(draft.WeekOfMonth ?? 1).ToString(CultureInfo.InvariantCulture)}{code}", d => IsNthWeekday(d, weekday, draft.WeekOfMonth ?? 1)),
            ScheduleMachine.Once => (string.Empty, d => d == (draft.Date ?? today)),
            _ => ($"FREQ=WEEKLY;BYDAY={code}", d => d.DayOfWeek == weekday),
        };

        if (draft.Frequency == ScheduleMachine.Once && new MeetingSchedule(string.Empty, startTime, draft.Date ?? today, zone).Next(now, 1).Count == 0)
        {
            return null;
        }

        var first = draft.Date ?? today;
        for (var i = 0; i < 400 && !(matches(first) && new MeetingSchedule(string.Empty, startTime, first, zone).Next(now, 1).Count == 1); i++)
        {
            first = first.AddDays(1);
        }

        return new MeetingSchedule(rule, startTime, first, zone);
    }

    /// <summary>The schedule being changed, at another time: its days and frequency stay.</summary>
    public static MeetingSchedule AtTime(MeetingSchedule schedule, TimeOnly startTime) => schedule with { StartTime = startTime };

    private static bool IsNthWeekday(DateOnly date, DayOfWeek weekday, int ordinal) =>
        date.DayOfWeek == weekday && (ordinal == -1
            ? date.AddDays(7).Month != date.Month
            : (date.Day - 1) / 7 + 1 == ordinal);
}
