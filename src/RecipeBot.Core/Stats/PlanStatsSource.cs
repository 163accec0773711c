using RecipeBot.Core.Plans;

namespace RecipeBot.Core.Stats;

/// <summary>
/// Figures from the conversation's action plan: co-creation processes started in the period (commitments made with
/// partners), good examples shared in it, and where the commitments that existed by its end stand now.
/// </summary>
public sealed class PlanStatsSource(IPlanStore store) : IStatsSource
{
    public async ValueTask AddFiguresAsync(StatsQuery query, StatsSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sheet);
        var plan = await store.GetAsync(query.ConversationId, cancellationToken).ConfigureAwait(false);
        var commitments = plan?.Commitments ?? [];
        sheet.Add(StatsFigures.CoCreationProcesses, commitments.Count(c => c.HasPartners && query.Contains(c.CreatedAt)));
        sheet.Add(StatsFigures.GoodExamples, commitments.Count(c => c.SharedAt is { } shared && query.Contains(shared)));
        var existing = commitments.Where(c => c.CreatedAt < query.To).ToList();
        sheet.Add(StatsFigures.CommitmentsNotStarted, existing.Count(c => c.Level == CompletionLevel.NotStarted));
        sheet.Add(StatsFigures.CommitmentsLimited, existing.Count(c => c.Level == CompletionLevel.Limited));
        sheet.Add(StatsFigures.CommitmentsSubstantial, existing.Count(c => c.Level == CompletionLevel.Substantial));
        sheet.Add(StatsFigures.CommitmentsComplete, existing.Count(c => c.Level == CompletionLevel.Complete));
    }
}
