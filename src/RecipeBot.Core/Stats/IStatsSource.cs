namespace RecipeBot.Core.Stats;

/// <summary>
/// Something that knows figures of a conversation (close-outs, the conversation's activity, the action plan).
/// <c>/stats</c> asks every registered source to add its figures for the period; a new store only registers one of
/// these (as <see cref="IStatsSource"/> in the container) to have its figures reported and exported.
/// </summary>
public interface IStatsSource
{
    /// <summary>Adds this source's figures (ids of <see cref="StatsFigures"/>) for <paramref name="query"/> to <paramref name="sheet"/>.</summary>
    ValueTask AddFiguresAsync(StatsQuery query, StatsSheet sheet, CancellationToken cancellationToken);
}
