namespace RecipeBot.Scheduling;

/// <summary>What <see cref="ScheduleGrammar.Parse"/> understood: exactly one of the nested cases.</summary>
public abstract partial record ScheduleParseResult
{
    private ScheduleParseResult()
    {
    }
}
