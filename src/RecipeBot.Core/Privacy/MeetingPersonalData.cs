using System.Text.Json.Nodes;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Privacy;

/// <summary>
/// Meetings, next-step questions and their notification ledger, on any <see cref="IMeetingStore"/>. In a group only the
/// meetings the user made are theirs; next steps belong to the whole conversation. Erasing removes the timers first,
/// through the <see cref="IReminderScheduler"/>, so no reminder fires for what is gone.
/// </summary>
public sealed class MeetingPersonalData(IMeetingStore store, IReminderScheduler scheduler) : IPersonalDataSource
{
    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var (meetings, steps) = await OwnedAsync(subject, cancellationToken).ConfigureAwait(false);
        var ledger = new List<JsonNode>();
        foreach (var prefix in LedgerPrefixes(subject, meetings))
        {
            ledger.AddRange((await store.ListLedgerAsync(prefix, cancellationToken).ConfigureAwait(false)).Select(PersonalDataJson.Ledger));
        }

        export["meetings"] = PersonalDataJson.Array(meetings.Select(PersonalDataJson.Meeting));
        export["nextSteps"] = PersonalDataJson.Array(steps.Select(PersonalDataJson.NextStep));
        export["notifications"] = PersonalDataJson.Array(ledger);
    }

    public async ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (meetings, steps) = await OwnedAsync(subject, cancellationToken).ConfigureAwait(false);
        foreach (var meeting in meetings.Where(m => m.Status != MeetingStatus.Cancelled))
        {
            await scheduler.MeetingChangedAsync(meeting with { Status = MeetingStatus.Cancelled }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var step in steps)
        {
            await scheduler.NextStepChangedAsync(step, removed: true, cancellationToken).ConfigureAwait(false);
        }

        await store.EraseAsync([.. meetings.Select(m => m.Id)], subject.WholeConversation ? subject.ConversationId : null, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<(IReadOnlyList<Meeting> Meetings, IReadOnlyList<NextStep> Steps)> OwnedAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var meetings = (await store.ListAllAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false))
            .Where(m => subject.Owns(m.CreatedBy))
            .ToList();
        IReadOnlyList<NextStep> steps = subject.WholeConversation
            ? [.. (await store.ListNextStepsAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.ConversationId == subject.ConversationId)]
            : [];
        return (meetings, steps);
    }

    private static IEnumerable<string> LedgerPrefixes(PersonalDataSubject subject, IReadOnlyList<Meeting> meetings) =>
        meetings.Select(m => NotificationKeys.MeetingPrefix(m.Id))
            .Concat(subject.WholeConversation ? [NotificationKeys.NextStepPrefix(subject.ConversationId)] : []);
}
