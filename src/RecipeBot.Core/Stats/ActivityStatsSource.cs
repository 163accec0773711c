using System.Text.Json.Nodes;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Core.Stats;

/// <summary>
/// Figures from the conversation's activity: situations diagnosed and recipes tried. Also personal data of the
/// conversation (the group's shared state in a group: exported there, erased with the whole conversation only).
/// </summary>
public sealed class ActivityStatsSource(IActivityLog log) : IStatsSource, IPersonalDataSource
{
    public async ValueTask AddFiguresAsync(StatsQuery query, StatsSheet sheet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sheet);
        var events = (await log.ListAsync(query.ConversationId, cancellationToken).ConfigureAwait(false)).Where(e => query.Contains(e.At)).ToList();
        sheet.Add(StatsFigures.SituationsDiagnosed, events.Count(e => e.Kind == ActivityKinds.SituationDiagnosed));
        sheet.Add(StatsFigures.RecipesTried, events.Count(e => e.Kind == ActivityKinds.RecipeTried));
    }

    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var events = await log.ListAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false);
        export["activity"] = PersonalDataJson.Array(events.Select(PersonalDataJson.Record));
    }

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.WholeConversation ? log.EraseAsync(subject.ConversationId, cancellationToken) : ValueTask.CompletedTask;
    }
}
