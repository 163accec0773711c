using System.Text.RegularExpressions;

namespace RecipeBot.Scheduling;

/// <summary>
/// The words of one language. Patterns are written naturally and folded like the input, and each
/// is matched against folded text; named groups: d, mon, y (dates), h, m, ap (times), n (counts), ord, wd.
/// </summary>
internal sealed class ScheduleLexicon
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    public ScheduleLexicon(
        string[] weekdays,
        (string Pattern, int Value)[] ordinals,
        string[] months,
        string[] datePatterns,
        string[] timePatterns,
        (string Pattern, int Value)[] intervalPatterns,
        string monthMarker,
        string recurrenceMarker,
        string recurringWeekdayForm,
        IReadOnlyDictionary<string, int> numberWords,
        string eveningWords,
        string morningWords,
        string placePattern,
        string[] fillers,
        RelativeDayWords relativeDays,
        (string Pattern, int Value)[] monthIntervalPatterns)
    {
        Weekdays = weekdays.Select(w => Build(@"\b(?:" + w + @")\b")).ToArray();
        Ordinals = ordinals.Select(o => (Build(@"\b(?:" + o.Pattern + @")$"), o.Value)).ToArray();
        var ordinalAlternatives = string.Join("|", ordinals.Select(o => o.Pattern));
        var weekdayAlternatives = string.Join("|", weekdays);
        OrdinalWeekday = Build(@"\b(?<ord>" + ordinalAlternatives + @")\s+(?<wd>" + weekdayAlternatives + @")\b");
        Months = months.Select(m => Build(@"^(?:" + m + ")")).ToArray();
        var monthAlternatives = string.Join("|", months);
        MonthAlternatives = monthAlternatives;
        Dates = datePatterns.Select(p => Build(p.Replace("MONTH", monthAlternatives, StringComparison.Ordinal))).ToArray();
        Times = timePatterns.Select(Build).ToArray();
        Intervals = intervalPatterns.Select(i => (Build(i.Pattern), i.Value)).ToArray();
        MonthMarker = Build(monthMarker);
        RecurrenceMarker = Build(recurrenceMarker);
        RecurringWeekdayForm = Build(recurringWeekdayForm);
        NumberWords = numberWords.ToDictionary(p => TextFolding.Fold(p.Key), p => p.Value);
        EveningWords = Build(@"^(?:" + eveningWords + ")$");
        MorningWords = Build(@"^(?:" + morningWords + ")$");
        Place = Build(placePattern);
        Fillers = fillers.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
        string WithWeekdays(string pattern) => pattern.Replace("WEEKDAY", weekdayAlternatives, StringComparison.Ordinal);
        DayOffsets = relativeDays.DayOffsets.Select(d => (Build(d.Pattern), d.Offset)).ToArray();
        NextWeekWeekday = Build(WithWeekdays(relativeDays.NextWeekWeekday));
        NextWeekday = Build(WithWeekdays(relativeDays.NextWeekday));
        ThisWeekday = Build(WithWeekdays(relativeDays.ThisWeekday));
        MonthIntervals = monthIntervalPatterns.Select(i => (Build(i.Pattern), i.Value)).ToArray();
    }

    /// <summary>"today", "tomorrow", "the day after tomorrow": days from today.</summary>
    public IReadOnlyList<(Regex Pattern, int Offset)> DayOffsets { get; }

    /// <summary>"Thursday next week": the weekday of the coming week; group <c>wd</c>.</summary>
    public Regex NextWeekWeekday { get; }

    /// <summary>"next Thursday": the next such weekday after today; group <c>wd</c>.</summary>
    public Regex NextWeekday { get; }

    /// <summary>"this Thursday": the first such weekday from today on; group <c>wd</c>.</summary>
    public Regex ThisWeekday { get; }

    /// <summary>"quarterly", "every 3 months": the count of months (0: read group <c>n</c>).</summary>
    public IReadOnlyList<(Regex Pattern, int Value)> MonthIntervals { get; }

    public IReadOnlyList<Regex> Weekdays { get; }

    public IReadOnlyList<(Regex Pattern, int Value)> Ordinals { get; }

    public Regex OrdinalWeekday { get; }

    public IReadOnlyList<Regex> Months { get; }

    /// <summary>The month stems as one alternation (<c>jan|feb|…</c>), for patterns of other grammars.</summary>
    public string MonthAlternatives { get; }

    public IReadOnlyList<Regex> Dates { get; }

    public IReadOnlyList<Regex> Times { get; }

    public IReadOnlyList<(Regex Pattern, int Value)> Intervals { get; }

    public Regex MonthMarker { get; }

    public Regex RecurrenceMarker { get; }

    public Regex RecurringWeekdayForm { get; }

    public IReadOnlyDictionary<string, int> NumberWords { get; }

    public Regex EveningWords { get; }

    public Regex MorningWords { get; }

    /// <summary>Matches a leftover phrase that names a place; group <c>place</c> is the place itself.</summary>
    public Regex Place { get; }

    public IReadOnlySet<string> Fillers { get; }

    public static ScheduleLexicon? For(string language) =>
        language.Split('-', '_')[0].ToLowerInvariant() switch
        {
            "en" => EnglishLexicon.Instance,
            "et" => EstonianLexicon.Instance,
            "ru" => RussianLexicon.Instance,
            _ => null,
        };

    /// <summary>A count in digits or words; digits too long for an int read as <see cref="int.MaxValue"/>, which every limit refuses.</summary>
    public int? Number(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit)
            ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue
            : NumberWords.TryGetValue(text, out var w) ? w : null;

    /// <summary>A pattern written naturally, folded like the input.</summary>
    public static Regex Build(string pattern) => new(TextFolding.Fold(pattern), Options);
}
