namespace RecipeBot.Core.Stats;

/// <summary>Collects the figures of every <see cref="IStatsSource"/> for a period.</summary>
public sealed class StatsReport(IEnumerable<IStatsSource> sources)
{
    private readonly IReadOnlyList<IStatsSource> _sources = [.. sources];

    public async ValueTask<StatsSheet> CollectAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        var sheet = new StatsSheet();
        foreach (var source in _sources)
        {
            await source.AddFiguresAsync(query, sheet, cancellationToken).ConfigureAwait(false);
        }

        return sheet;
    }
}
