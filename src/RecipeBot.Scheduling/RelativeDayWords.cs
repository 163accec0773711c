namespace RecipeBot.Scheduling;

/// <summary>
/// The words of one language for days named relative to today. <c>WEEKDAY</c> in a pattern stands for any weekday;
/// each weekday pattern has the named group <c>wd</c>.
/// </summary>
internal sealed record RelativeDayWords(
    (string Pattern, int Offset)[] DayOffsets,
    string NextWeekWeekday,
    string NextWeekday,
    string ThisWeekday);
