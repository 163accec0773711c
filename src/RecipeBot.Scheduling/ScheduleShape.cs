namespace RecipeBot.Scheduling;

/// <summary>A date as typed: day and month, the year only when the user gave one.</summary>
internal sealed record DatePhrase(int Day, int Month, int? Year);

/// <summary>Everything the grammar found in the text, before it is turned into schedules.</summary>
internal sealed record ScheduleShape(
    IReadOnlyList<DayOfWeek> Weekdays,
    int? Ordinal,
    int? Interval,
    bool Monthly,
    bool Recurring,
    DatePhrase? Date,
    TimeOnly StartTime)
{
    /// <summary>Every so many months ("quarterly": 3); null when the text named no count of months.</summary>
    public int? Months { get; init; }

    /// <summary>The other reading of "next Thursday" said early in the week: the Thursday a week later.</summary>
    public DateOnly? OrNextWeek { get; init; }
}
