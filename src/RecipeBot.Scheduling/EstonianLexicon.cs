namespace RecipeBot.Scheduling;

internal static class EstonianLexicon
{
    private const string DayPart = @"(?:\s+(?<ap>hommikul|õhtul|päeval|öösel))?";

    public static ScheduleLexicon Instance { get; } = new(
        weekdays:
        [
            @"esmaspäev\w*", @"teisipäev\w*", @"kolmapäev\w*", @"neljapäev\w*", @"reede\w*", @"laupäev\w*", @"pühapäev\w*",
        ],
        ordinals:
        [
            ("esimene|esimesel|esimese|1\\.", 1), ("teine|teisel|teise|2\\.", 2), ("kolmas|kolmandal|kolmanda|3\\.", 3),
            ("neljas|neljandal|neljanda|4\\.", 4), ("viies|viiendal|viienda|5\\.", 5), ("viimane|viimasel|viimase", -1),
        ],
        months:
        [
            "jaan", "veebr", "märts", "apr", "mai", "juuni", "juuli", "aug", "sept", "okt", "nov", "dets",
        ],
        datePatterns:
        [
            @"\b(?<y>\d{4})-(?<mon>\d{1,2})-(?<d>\d{1,2})\b",
            @"\b(?<d>\d{1,2})[./](?<mon>\d{1,2})[./](?<y>\d{4})\b",
            @"\b(?<d>\d{1,2})\.?\s*(?<mon>(?:MONTH)\w*)(?:\s+(?<y>\d{4})(?:\.?\s*a\.?)?)?",
        ],
        timePatterns:
        [
            @"(?:\bkell\s+|\bkl\.?\s*)?\b(?<h>\d{1,2})[:.](?<m>\d{2})\b" + DayPart,
            @"(?:\bkell\s+|\bkl\.?\s*)(?<h>\d{1,2})\b(?![.:]\d)" + DayPart,
            @"\b(?<h>\d{1,2})h\b",
        ],
        intervalPatterns:
        [
            (@"\büle\s+nädala\b", 2),
            (@"\b(?:iga\s+|igal\s+)?(?<n>\d+|kahe|kolme|nelja|viie|kuue)\s+nädala\s+(?:tagant|järel)\b", 0),
            (@"\b(?:igal|iga)\s+(?:teisel|teine)\s+nädal(?:al)?\b", 2),
            (@"\b(?:igal\s+nädalal|iga\s+nädal|iganädalaselt|kord\s+nädalas)\b", 1),
        ],
        monthMarker: @"\biga\s+kuu\b|\bigas\s+kuus\b|\bigakuiselt\b|\bkord\s+kuus\b|\bkuu\b|\bkuus\b",
        recurrenceMarker: @"\biga\b|\bigal\b",
        recurringWeekdayForm: @"iti$",
        numberWords: new Dictionary<string, int>
        {
            ["kahe"] = 2, ["kolme"] = 3, ["nelja"] = 4, ["viie"] = 5, ["kuue"] = 6, ["seitsme"] = 7, ["kaheksa"] = 8,
            ["üheksa"] = 9, ["kümne"] = 10, ["üheteistkümne"] = 11, ["kaheteistkümne"] = 12,
        },
        eveningWords: @"õhtul|päeval",
        morningWords: @"hommikul|öösel",
        // The place keeps its case ("vallamajas") or its label ("koht: Rahvamaja"), so it reads as typed after the time.
        placePattern: @"(?:^|\s)(?<place>(?:kohas|asukohas|ruumis)\s*:?\s+.+)$|(?:^|\s)(?<place>(?:koht|asukoht|toimumiskoht)\s*:\s*.+)$"
            + @"|^(?<place>.*(?:saalis|ruumis|ruumides|majas|klassis|kontoris|keskuses|koolis|raamatukogus|kohvikus|hoones|aulas|muuseumis|klubis|zoomis|teamsis|veebis))$",
        fillers: ["kell", "ja", "ning", "toimub", "on", "alates", ",", "-", ":"],
        relativeDays: new(
            DayOffsets: [(@"\bülehomme\b", 2), (@"\btäna\b", 0), (@"\bhomme\b", 1)],
            NextWeekWeekday: @"\b(?:järgmisel|tuleval)\s+nädalal\s+(?<wd>WEEKDAY)\b|\b(?<wd>WEEKDAY)\s+(?:järgmisel|tuleval)\s+nädalal\b",
            NextWeekday: @"\b(?:järgmisel|järgmine|tuleval|tulev|eelseisval)\s+(?<wd>WEEKDAY)\b",
            ThisWeekday: @"\b(?:sel|sellel|see|käesoleval)\s+(?<wd>WEEKDAY)\b"),
        monthIntervalPatterns:
        [
            (@"\bkord\s+kvartalis\b|\b(?:iga|igal|igas)\s+kvartal(?:il|is)?\b|\bkvartaliti\b", 3),
            (@"\büle\s+kuu\b|\bigal\s+teisel\s+kuul\b|\biga\s+teine\s+kuu\b", 2),
            (@"\bkord\s+poolaastas\b|\bkord\s+pooles\s+aastas\b|\b(?:iga|igal)\s+poolaastal?\b", 6),
            (@"\bkord\s+aastas\b|\bigal\s+aastal\b|\biga\s+aasta\b", 12),
            (@"\b(?:iga\s+|igal\s+)?(?<n>\d+|kahe|kolme|nelja|viie|kuue|seitsme|kaheksa|üheksa|kümne|üheteistkümne|kaheteistkümne)\s+kuu\s+(?:tagant|järel|möödudes)\b", 0),
        ]);
}
