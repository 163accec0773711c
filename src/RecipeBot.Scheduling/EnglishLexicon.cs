namespace RecipeBot.Scheduling;

internal static class EnglishLexicon
{
    private const string AmPm = @"(?:\s*(?<ap>a\.?m\.?|p\.?m\.?|in\s+the\s+morning|in\s+the\s+evening|in\s+the\s+afternoon))?";

    public static ScheduleLexicon Instance { get; } = new(
        weekdays:
        [
            "mondays|monday|mon", "tuesdays|tuesday|tues|tue", "wednesdays|wednesday|wed",
            "thursdays|thursday|thurs|thu", "fridays|friday|fri", "saturdays|saturday|sat", "sundays|sunday|sun",
        ],
        ordinals:
        [
            ("first|1st", 1), ("second|2nd", 2), ("third|3rd", 3), ("fourth|4th", 4), ("fifth|5th", 5), ("last", -1),
        ],
        months:
        [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ],
        datePatterns:
        [
            @"\b(?<y>\d{4})-(?<mon>\d{1,2})-(?<d>\d{1,2})\b",
            @"\b(?<d>\d{1,2})[./](?<mon>\d{1,2})[./](?<y>\d{4})\b",
            @"\b(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?<mon>(?:MONTH)[a-z]*)\.?(?:,?\s+(?<y>\d{4}))?\b",
            @"\b(?<mon>(?:MONTH)[a-z]*)\.?\s+(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?\b",
        ],
        timePatterns:
        [
            @"(?:\bat\s+|@\s*)?\b(?<h>\d{1,2})[:.](?<m>\d{2})\b" + AmPm,
            @"(?:\bat\s+|@\s*)(?<h>\d{1,2})\b(?!\s*(?:weeks?|months?)\b)(?:\s*o'?clock)?" + AmPm,
            @"\b(?<h>\d{1,2})\s*(?<ap>a\.?m\.?|p\.?m\.?)",
            @"\b(?<h>\d{1,2})h\b",
        ],
        intervalPatterns:
        [
            (@"\bevery\s+other(?:\s+week(?:\s+on)?)?\b", 2),
            (@"\bevery\s+second\s+week(?:\s+on)?\b", 2),
            (@"\bevery\s+(?<n>\d+|two|three|four|five|six)\s+weeks(?:\s+on)?\b", 0),
            (@"\b(?:bi-?weekly|fortnightly|every\s+fortnight)(?:\s+on)?\b", 2),
            (@"\b(?:weekly|every\s+week)(?:\s+on)?\b", 1),
        ],
        monthMarker: @"(?:\bof\s+)?\b(?:the|each|every)\s+month\b|\bmonthly\b|\bper\s+month\b|\ba\s+month\b",
        recurrenceMarker: @"\bevery\b|\beach\b",
        recurringWeekdayForm: @"days$",
        numberWords: new Dictionary<string, int> { ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6 },
        eveningWords: @"p\.?m\.?|in\s+the\s+evening|in\s+the\s+afternoon",
        morningWords: @"a\.?m\.?|in\s+the\s+morning",
        placePattern: @"^(?:in|at)\s+(?:the\s+)?(?<place>.+)$",
        fillers: ["on", "at", "the", "of", "and", "a", "for", ",", "-", ":", "starting"]);
}
