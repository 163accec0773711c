using RecipeBot.Core.CloseOuts;

namespace RecipeBot.Core.Stats;

/// <summary>What the engine needs for meeting close-outs and the council's figures; <see cref="InMemory"/> when a host has no storage.</summary>
/// <param name="Sources">Every source of <c>/stats</c> figures (close-outs, activity, and what else the host registers).</param>
public sealed record WorkbenchServices(ICloseOutStore CloseOuts, IActivityLog Activity, IReadOnlyList<IStatsSource> Sources)
{
    public static WorkbenchServices InMemory() => On(new InMemoryCloseOutStore(), new InMemoryActivityLog());

    /// <summary>The two stores with their own figure sources.</summary>
    public static WorkbenchServices On(ICloseOutStore closeOuts, IActivityLog activity) =>
        new(closeOuts, activity, [new CloseOutStatsSource(closeOuts), new ActivityStatsSource(activity)]);
}
