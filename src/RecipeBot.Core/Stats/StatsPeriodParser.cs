using System.Globalization;
using System.Text.RegularExpressions;

namespace RecipeBot.Core.Stats;

/// <summary>
/// Reads the period of <c>/stats</c> in et, en and ru: nothing (this year), a year ("2026"), this or last year,
/// "all", and the last N days, weeks or months ("last 3 months", "viimased 3 kuud", "за последние 3 месяца").
/// Never throws: anything else is null.
/// </summary>
public static partial class StatsPeriodParser
{
    public const int MaxLength = 100;

    public static StatsPeriod? Parse(string? text, DateOnly today)
    {
        var folded = (text ?? string.Empty).Trim().ToLowerInvariant().Replace('ё', 'е');
        if (folded.Length > MaxLength)
        {
            return null;
        }

        if (folded.Length == 0 || ThisYear().IsMatch(folded))
        {
            return new(new DateOnly(today.Year, 1, 1), today);
        }

        if (LastYear().IsMatch(folded))
        {
            return today.Year > StatsPeriod.Earliest.Year ? Year(today.Year - 1, today) : null;
        }

        if (All().IsMatch(folded))
        {
            return new(StatsPeriod.Earliest, today);
        }

        if (YearOnly().Match(folded) is { Success: true } year
            && int.TryParse(year.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y >= StatsPeriod.Earliest.Year && y <= today.Year)
        {
            return Year(y, today);
        }

        return Recent(folded, today);
    }

    private static StatsPeriod Year(int year, DateOnly today)
    {
        var end = new DateOnly(year, 12, 31);
        return new(new DateOnly(year, 1, 1), end < today ? end : today);
    }

    private static StatsPeriod? Recent(string folded, DateOnly today)
    {
        var match = LastN().Match(folded);
        if (!match.Success)
        {
            return null;
        }

        var n = 1;
        if (match.Groups["n"].Success && !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return null;
        }

        var unit = match.Groups["unit"].Value;
        DateOnly? from = unit[0] switch
        {
            'm' or 'k' or 'м' => n is >= 1 and <= 300 ? today.AddMonths(-n).AddDays(1) : null,
            'w' or 'n' or 'н' => n is >= 1 and <= 1300 ? today.AddDays(-7 * n + 1) : null,
            _ => n is >= 1 and <= 9000 ? today.AddDays(-n + 1) : null,
        };
        return from is { } start ? new(start < StatsPeriod.Earliest ? StatsPeriod.Earliest : start, today) : null;
    }

    [GeneratedRegex(@"^(this year|current year|sel aastal|see aasta|käesolev aasta|tänavu|в этом году|этот год|текущий год)$")]
    private static partial Regex ThisYear();

    [GeneratedRegex(@"^(last year|previous year|eelmine aasta|eelmisel aastal|möödunud aastal|прошлый год|в прошлом году)$")]
    private static partial Regex LastYear();

    [GeneratedRegex(@"^(all|all time|everything|kõik|kogu aeg|все|всё|за все время)$")]
    private static partial Regex All();

    [GeneratedRegex(@"^(year\s+|aasta\s+|год\s+)?(?<year>\d{4})(\s*(year|aasta|г\.?|год))?$")]
    private static partial Regex YearOnly();

    // "last 3 months", "past 2 weeks", "viimased 3 kuud", "viimase kuu", "за последние 3 месяца", "последний месяц".
    [GeneratedRegex(@"^(за\s+)?(last|past|viimase[dl]?|viimane|viimasel|последн\w*)\s+((?<n>\d{1,6})\s+)?(?<unit>months?|kuu\w*|месяц\w*|weeks?|nädala?\w*|недел\w*|days?|päeva?\w*|дн\w*|день)$")]
    private static partial Regex LastN();
}
