namespace RecipeBot.Scheduling;

public abstract partial record ScheduleParseResult
{
    /// <summary>No schedule: <paramref name="ErrorCode"/> is one of <see cref="ScheduleErrorCodes"/>, <paramref name="HintKey"/> a text key for the dialog.</summary>
    public sealed record Invalid(string ErrorCode, string HintKey) : ScheduleParseResult
    {
        internal static Invalid Of(string errorCode) => new(errorCode, "schedule.hint." + errorCode);
    }
}
