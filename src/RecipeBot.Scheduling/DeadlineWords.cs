namespace RecipeBot.Scheduling;

/// <summary>
/// How a language names part of a month as a deadline: its end ("märtsi lõpuks", "by the end of March", "до конца марта"),
/// its start and its middle. <c>MONTH</c> stands for the lexicon's month stems; every pattern has group <c>mon</c>, maybe <c>y</c>.
/// </summary>
internal sealed record DeadlineWords(string[] End, string[] Start, string[] Middle, string[] MonthAlone)
{
    private const string Year = @"(?:\s+(?<y>\d{4})(?:\.?\s*(?:a\.?|года|г\.?))?)?";

    public static DeadlineWords? For(string language) =>
        language.Split('-', '_')[0].ToLowerInvariant() switch
        {
            "et" => Estonian,
            "en" => English,
            "ru" => Russian,
            _ => null,
        };

    private static DeadlineWords Estonian { get; } = new(
        End: [@"\b(?<mon>MONTH)\w*" + Year + @"\s+(?:lõpuks|lõpus|lõpp\w*)"],
        Start: [@"\b(?<mon>MONTH)\w*" + Year + @"\s+(?:alguseks|alguses|algus\w*)"],
        Middle: [@"\b(?<mon>MONTH)\w*" + Year + @"\s+(?:keskel|keskpaigaks|keskpaigas|keskpaik\w*)"],
        MonthAlone: [@"\b(?<mon>MONTH)\w*?(?:iks|ks)\b" + Year]);

    private static DeadlineWords English { get; } = new(
        End: [@"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?<mon>MONTH)[a-z]*\.?" + Year],
        Start: [@"\b(?:by\s+)?(?:the\s+)?(?:start|beginning)\s+of\s+(?<mon>MONTH)[a-z]*\.?" + Year],
        Middle: [@"\b(?:by\s+)?mid[-\s]?(?<mon>MONTH)[a-z]*\.?" + Year, @"\b(?:by\s+)?(?:the\s+)?middle\s+of\s+(?<mon>MONTH)[a-z]*\.?" + Year],
        MonthAlone: [@"\b(?:by|in)\s+(?<mon>MONTH)[a-z]*\.?" + Year + @"(?![\s\d]*\d)"]);

    private static DeadlineWords Russian { get; } = new(
        End: [@"(?:\bдо\s+|\bк\s+)?\bконц[аеу]\s+(?<mon>MONTH)\w*" + Year],
        Start: [@"(?:\bдо\s+|\bк\s+)?\bначал[аеу]\s+(?<mon>MONTH)\w*" + Year],
        Middle: [@"(?:\bдо\s+|\bк\s+)?\bсередин[аеыу]\s+(?<mon>MONTH)\w*" + Year],
        MonthAlone: [@"\b(?:в|к|до)\s+(?<mon>MONTH)\w*" + Year + @"(?![\s\d]*\d)"]);
}
