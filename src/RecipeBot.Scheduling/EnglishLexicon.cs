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
        numberWords: new Dictionary<string, int>
        {
            ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
            ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        },
        eveningWords: @"p\.?m\.?|in\s+the\s+evening|in\s+the\s+afternoon",
        morningWords: @"a\.?m\.?|in\s+the\s+morning",
        // The place keeps its preposition ("in the town hall") or its label ("venue: Town Hall").
        placePattern: @"^(?<place>(?:in|at)\s+.+)$|^(?<place>(?:place|venue|location)\s*:\s*.+)$",
        fillers: ["on", "at", "the", "of", "and", "a", "for", ",", "-", ":", "starting", "from"],
        relativeDays: new(
            DayOffsets: [(@"\b(?:the\s+)?day\s+after\s+tomorrow\b", 2), (@"\btoday\b", 0), (@"\btomorrow\b", 1)],
            NextWeekWeekday: @"\bnext\s+week\s+(?:on\s+)?(?<wd>WEEKDAY)\b|\b(?:on\s+)?(?<wd>WEEKDAY)\s+(?:of\s+)?next\s+week\b",
            NextWeekday: @"\b(?:on\s+)?next\s+(?<wd>WEEKDAY)\b",
            ThisWeekday: @"\b(?:on\s+)?this\s+(?:coming\s+)?(?<wd>WEEKDAY)\b"),
        monthIntervalPatterns:
        [
            (@"\b(?:quarterly|every\s+quarter|each\s+quarter|once\s+a\s+quarter|once\s+per\s+quarter)\b", 3),
            (@"\bevery\s+(?:other|second)\s+month\b", 2),
            (@"\b(?:twice\s+a\s+year|every\s+half\s+year|half-?yearly|semi-?annually)\b", 6),
            (@"\b(?:once\s+a\s+year|yearly|annually|every\s+year|each\s+year)\b", 12),
            (@"\bevery\s+(?<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months\b", 0),
        ]);
}
