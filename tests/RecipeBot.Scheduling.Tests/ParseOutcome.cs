using System.Globalization;
using RecipeBot.Scheduling;

namespace RecipeBot.Scheduling.Tests;

/// <summary>Renders a parse result as one line, so a table row can pin rule, time and date exactly.</summary>
internal static class ParseOutcome
{
    // Thursday, 1 January 2026, noon in Tallinn.
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.FromHours(2));

    public static string Describe(ScheduleParseResult result) => result switch
    {
        ScheduleParseResult.Success s => Describe(s.Schedule),
        ScheduleParseResult.Ambiguous a => "ambiguous: " + string.Join(" | ", a.Alternatives.Select(x => Describe(x.Schedule))),
        ScheduleParseResult.Invalid i => "invalid: " + i.ErrorCode,
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    public static string Describe(MeetingSchedule s) =>
        string.Create(CultureInfo.InvariantCulture, $"{(s.IsRecurring ? s.RecurrenceRule : "ONCE")} {s.StartTime:HH\\:mm} {s.FirstDate:yyyy-MM-dd}");

    public static MeetingSchedule Single(ScheduleParseResult result) =>
        Assert.IsType<ScheduleParseResult.Success>(result).Schedule;
}
