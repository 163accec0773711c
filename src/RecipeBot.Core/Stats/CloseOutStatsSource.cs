using RecipeBot.Core.CloseOuts;

namespace RecipeBot.Core.Stats;

/// <summary>Figures from meeting close-outs: meetings closed, round tables (closed with attendance), attendees, organisations.</summary>
public sealed class CloseOutStatsSource(ICloseOutStore store) : IStatsSource
{
    public async ValueTask AddFiguresAsync(StatsQuery query, StatsSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sheet);
        var closed = (await store.ListAsync(query.ConversationId, cancellationToken).ConfigureAwait(false))
            .Where(c => c.IsClosed && query.Contains(c.Occurrence))
            .ToList();
        sheet.Add(StatsFigures.MeetingsClosed, closed.Count);
        sheet.Add(StatsFigures.RoundTables, closed.Count(c => c.HeldWithAttendance));
        sheet.Add(StatsFigures.Attendees, closed.Sum(c => (long)(c.Attendees ?? 0)));
        sheet.Add(StatsFigures.Organisations, closed.SelectMany(c => c.Organisations).Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
