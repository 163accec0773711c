namespace RecipeBot.Core.Plans;

/// <summary>What the engine needs for action plans; <see cref="InMemory"/> when a host has no storage.</summary>
public sealed record PlanServices(IPlanStore Store, IPlanScheduler Scheduler)
{
    public static PlanServices InMemory() => new(new InMemoryPlanStore(), NoPlanScheduler.Instance);
}
