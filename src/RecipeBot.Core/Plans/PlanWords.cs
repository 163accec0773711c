namespace RecipeBot.Core.Plans;

/// <summary>Codes of levels and values as they appear in buttons, text keys and exports, and the values read from typed words.</summary>
public static class PlanWords
{
    public static IReadOnlyList<CompletionLevel> Levels { get; } = Enum.GetValues<CompletionLevel>();

    public static IReadOnlyList<OgpValues> Values { get; } = [OgpValues.Transparency, OgpValues.Participation, OgpValues.Accountability];

    private static readonly (OgpValues Value, string[] Stems)[] ValueStems =
    [
        (OgpValues.Transparency, ["labipaistv", "transparen", "открыт", "прозрач", "avatus", "avalik"]),
        (OgpValues.Participation, ["kaasa", "osalus", "particip", "engage", "участ", "вовлеч"]),
        (OgpValues.Accountability, ["aruand", "vastutus", "accountab", "подотч", "ответств"]),
    ];

    /// <summary><c>not-started</c>, <c>limited</c>, <c>substantial</c>, <c>complete</c>.</summary>
    public static string LevelCode(CompletionLevel level) => level switch
    {
        CompletionLevel.NotStarted => "not-started",
        CompletionLevel.Limited => "limited",
        CompletionLevel.Substantial => "substantial",
        _ => "complete",
    };

    public static CompletionLevel? LevelOf(string code) => Levels.Cast<CompletionLevel?>().FirstOrDefault(l => LevelCode(l!.Value) == code);

    public static string ValueCode(OgpValues value) => value.ToString().ToLowerInvariant();

    public static OgpValues? ValueOf(string code) => Values.Cast<OgpValues?>().FirstOrDefault(v => ValueCode(v!.Value) == code);

    /// <summary>The values named in <paramref name="text"/> ("läbipaistvus ja kaasamine"); None when it names none.</summary>
    public static OgpValues ValuesIn(string text)
    {
        var folded = Flow.TextNormalizer.Normalize(text);
        var found = OgpValues.None;
        foreach (var (value, stems) in ValueStems)
        {
            if (stems.Any(s => folded.Contains(s, StringComparison.Ordinal)))
            {
                found |= value;
            }
        }

        return found;
    }
}
