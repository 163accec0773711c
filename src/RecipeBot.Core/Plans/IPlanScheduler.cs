namespace RecipeBot.Core.Plans;

/// <summary>Keeps a plan's check-in timer in step with the plan; the engine calls it after a turn that changed the plan.</summary>
public interface IPlanScheduler
{
    /// <summary>Sets the plan's timer to its next check-in, or removes it when <paramref name="removed"/>.</summary>
    ValueTask PlanChangedAsync(Plan plan, bool removed, CancellationToken cancellationToken);
}

/// <summary>For hosts without reminders: plans are stored, nobody is asked about progress.</summary>
public sealed class NoPlanScheduler : IPlanScheduler
{
    public static NoPlanScheduler Instance { get; } = new();

    public ValueTask PlanChangedAsync(Plan plan, bool removed, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
