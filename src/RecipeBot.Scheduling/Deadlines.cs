using System.Globalization;
using System.Text.RegularExpressions;

namespace RecipeBot.Scheduling;

/// <summary>A date found in a milestone, and the milestone's words without it ("Kaasamiskava valmis").</summary>
public sealed record Deadline(DateOnly Date, string Rest);

/// <summary>
/// Reads a deadline typed naturally in et, en or ru: a date ("15.03.2027", "1 March", "1. märtsil"), part of a month
/// ("märtsi lõpuks", "by the end of March", "до конца марта", "mid-April"), a month ("by March", "märtsiks") or a day
/// relative to today ("homme", "next Friday"). A date without a year is the next one from today on. Never throws.
/// </summary>
public static class Deadlines
{
    private enum Part
    {
        Day,
        Start,
        Middle,
        End,
    }

    private static readonly HashSet<string> ByWords = new(new[] { "by", "until", "before", "due", "kuni", "hiljemalt", "до", "к" }.Select(TextFolding.Fold), StringComparer.Ordinal);

    private static readonly Dictionary<string, Compiled> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    /// <summary>The deadline in <paramref name="text"/>, trying <paramref name="language"/> first, then <paramref name="languages"/>; null when none reads it.</summary>
    public static Deadline? Find(string text, string language, IReadOnlyList<string> languages, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000)
        {
            return null;
        }

        foreach (var candidate in new[] { language }.Concat(languages.Where(l => l != language)))
        {
            if (Find(text, candidate, today) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static Deadline? Find(string text, string language, DateOnly today)
    {
        if (CompiledFor(language) is not { } compiled)
        {
            return null;
        }

        var input = new ScheduleText(text);
        DateOnly? date = null;
        foreach (var (pattern, part) in compiled.Patterns)
        {
            if (input.Take(pattern) is { } match && DateOf(match, part, compiled.Lexicon, today) is { } found)
            {
                date = found;
                break;
            }
        }

        date ??= RelativeDays.Take(input, compiled.Lexicon, today)?.Date;
        if (date is null)
        {
            return null;
        }

        var rest = string.Join(" ", input.Leftovers(compiled.Lexicon.Fillers).Select(l => l.Words.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (rest.Count > 0 && ByWords.Contains(TextFolding.Fold(rest[^1])))
        {
            // "public hearing by 1 March": the milestone is the hearing, "by" went with the date.
            rest.RemoveAt(rest.Count - 1);
        }

        return new Deadline(date.Value, string.Join(" ", rest));
    }

    private static DateOnly? DateOf(Match match, Part part, ScheduleLexicon lexicon, DateOnly today)
    {
        var monthText = match.Groups["mon"].Value;
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : lexicon.Months.Select((m, i) => (m, i)).FirstOrDefault(p => p.m.IsMatch(monthText), (null!, -1)).Item2 + 1;
        if (month is < 1 or > 12)
        {
            return null;
        }

        int? year = match.Groups["y"].Success && int.TryParse(match.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        if (year is < 2000 or > 2200)
        {
            return null;
        }

        int? day = part == Part.Day && int.TryParse(match.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        foreach (var candidate in year is { } fixedYear ? [fixedYear] : new[] { today.Year, today.Year + 1 })
        {
            var last = DateTime.DaysInMonth(candidate, month);
            var dayOfMonth = part switch
            {
                Part.Start => 1,
                Part.Middle => 15,
                Part.End => last,
                _ => day ?? 0,
            };
            if (dayOfMonth < 1 || dayOfMonth > last)
            {
                return null;
            }

            var date = new DateOnly(candidate, month, dayOfMonth);
            // Without a year: the next such day from today on; "by March" said in mid-March is this March.
            if (year is not null || date >= today || (part != Part.Day && candidate == today.Year && month == today.Month))
            {
                return date;
            }
        }

        return null;
    }

    private static Compiled? CompiledFor(string language)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(language, out var cached))
            {
                return cached;
            }

            if (ScheduleLexicon.For(language) is not { } lexicon || DeadlineWords.For(language) is not { } words)
            {
                return null;
            }

            string Months(string pattern) => pattern.Replace("MONTH", lexicon.MonthAlternatives, StringComparison.Ordinal);
            var patterns = new List<(Regex, Part)>();
            patterns.AddRange(words.End.Select(p => (ScheduleLexicon.Build(Months(p)), Part.End)));
            patterns.AddRange(words.Start.Select(p => (ScheduleLexicon.Build(Months(p)), Part.Start)));
            patterns.AddRange(words.Middle.Select(p => (ScheduleLexicon.Build(Months(p)), Part.Middle)));
            patterns.AddRange(lexicon.Dates.Select(p => (p, Part.Day)));
            patterns.AddRange(words.MonthAlone.Select(p => (ScheduleLexicon.Build(Months(p)), Part.End)));
            var compiled = new Compiled(lexicon, patterns);
            Cache[language] = compiled;
            return compiled;
        }
    }

    private sealed record Compiled(ScheduleLexicon Lexicon, IReadOnlyList<(Regex Pattern, Part Part)> Patterns);
}
