namespace RecipeBot.Scheduling;

public abstract partial record ScheduleParseResult
{
    /// <summary>The text describes exactly one schedule.</summary>
    public sealed record Success(MeetingSchedule Schedule) : ScheduleParseResult;
}
