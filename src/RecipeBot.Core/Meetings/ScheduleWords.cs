using System.Globalization;
using System.Text.RegularExpressions;
using RecipeBot.Core.Content;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Meetings;

/// <summary>
/// A recurrence rule in words, from <c>texts.yaml</c>: "on Tuesdays at 18:00", "on the second Tuesday of every month
/// at 18:00", "every quarter, on the first Tuesday of the month at 18:00", "every quarter on day 15 at 10:00". A rule
/// the bot does not make itself is shown as it is.
/// </summary>
internal static partial class ScheduleWords
{
    /// <summary>The forms of an n-th weekday in <c>monthly-{code}</c>: first … fifth, then last.</summary>
    public const int MonthlyForms = 6;

    public const int MaxMonths = ScheduleLimits.MaxMonths;

    public static readonly string[] WeekdayCodes = ["su", "mo", "tu", "we", "th", "fr", "sa"];

    /// <summary>The text keys the words come from.</summary>
    public static IEnumerable<string> Keys =>
    [
        "schedule-weekly-summary", "schedule-every-n-weeks-summary", "schedule-monthly-summary", "schedule-every-n-months-summary",
        "schedule-monthly-date-summary",
        .. WeekdayCodes.Select(c => "weekday-on-" + c),
        .. WeekdayCodes.Select(c => "monthly-" + c),
        .. Enumerable.Range(1, MaxMonths).Select(n => "every-months-" + n.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>A place that is a label ("koht: Rahvamaja", "venue: Town Hall") stands apart; one with its preposition or case follows the time.</summary>
    [GeneratedRegex(@"^\w+(?:\s+\w+)?\s*:")]
    private static partial Regex Label();

    public static string AfterTime(string place) => (Label().IsMatch(place) ? ", " : " ") + place;

    public static string? Rule(string rule, string time, Func<string, string> text)
    {
        var parts = rule.Split(';')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].ToUpperInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1].ToUpperInvariant(), StringComparer.Ordinal);
        if (!parts.TryGetValue("FREQ", out var frequency) || parts.ContainsKey("COUNT") || parts.ContainsKey("UNTIL"))
        {
            return null;
        }

        var interval = parts.TryGetValue("INTERVAL", out var n) && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
        var count = interval.ToString(CultureInfo.InvariantCulture);
        var byDay = parts.GetValueOrDefault("BYDAY", string.Empty).Split(',');
        if (frequency == "WEEKLY" && byDay.All(d => Code(d) is not null) && parts.Count == (interval == 1 ? 2 : 3))
        {
            var days = string.Join(", ", byDay.Select(d => text("weekday-on-" + Code(d))));
            return TextTemplate.Render(
                text(interval == 1 ? "schedule-weekly-summary" : "schedule-every-n-weeks-summary"), ("days", days), ("n", count), ("time", time));
        }

        if (frequency != "MONTHLY" || interval is < 1 or > MaxMonths || parts.Count != (interval == 1 ? 2 : 3))
        {
            return null;
        }

        var every = text("every-months-" + count);
        if (parts.TryGetValue("BYMONTHDAY", out var monthDay) && int.TryParse(monthDay, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
        {
            return TextTemplate.Render(text("schedule-monthly-date-summary"), ("every", every), ("date", day.ToString(CultureInfo.InvariantCulture)), ("time", time));
        }

        if (byDay is not [var one] || one.Length < 3 || Code(one[^2..]) is not { } code
            || !int.TryParse(one[..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ordinal) || ordinal is not (>= 1 and <= 5 or -1))
        {
            return null;
        }

        var forms = text("monthly-" + code).Split('|', StringSplitOptions.TrimEntries);
        if (forms.Length != MonthlyForms)
        {
            return null;
        }

        var weekday = forms[ordinal == -1 ? MonthlyForms - 1 : ordinal - 1];
        return interval == 1
            ? TextTemplate.Render(text("schedule-monthly-summary"), ("day", weekday), ("time", time))
            : TextTemplate.Render(text("schedule-every-n-months-summary"), ("every", every), ("day", weekday), ("time", time));
    }

    private static string? Code(string day) =>
        day.Length == 2 && Array.IndexOf(WeekdayCodes, day.ToLowerInvariant()) >= 0 ? day.ToLowerInvariant() : null;
}
