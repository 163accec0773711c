namespace RecipeBot.Scheduling;

public abstract partial record ScheduleParseResult
{
    /// <summary>The text reads two ways; the user must choose, we never pick one silently.</summary>
    public sealed record Ambiguous(IReadOnlyList<ScheduleAlternative> Alternatives) : ScheduleParseResult;
}
