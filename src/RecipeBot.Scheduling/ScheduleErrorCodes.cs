namespace RecipeBot.Scheduling;

/// <summary>Error codes of <see cref="ScheduleParseResult.Invalid"/>; the hint key is <c>schedule.hint.</c> + code.</summary>
public static class ScheduleErrorCodes
{
    public const string MissingTime = "missing-time";
    public const string InvalidTime = "invalid-time";
    public const string UnknownWeekday = "unknown-weekday";
    public const string InvalidDate = "invalid-date";
    public const string PastDate = "past-date";
    public const string UnknownTimeZone = "unknown-time-zone";
    public const string UnsupportedLanguage = "unsupported-language";
    public const string Unrecognised = "unrecognised";
    public const string IntervalTooLarge = "interval-too-large";
    public const string MissingDayOfMonth = "missing-day-of-month";
}
