using System.Text.Json.Nodes;
using RecipeBot.Core.Plans;

namespace RecipeBot.Core.Privacy;

/// <summary>
/// Action plans, on any <see cref="IPlanStore"/>. A private chat's plan is all the user's. In a group a member's part is
/// the plan when they started it, the commitments they added, and their progress answers: exported, and erased — the
/// commitments they added go, their id is taken off the rest, so the group keeps its plan.
/// </summary>
public sealed class PlanPersonalData(PlanServices plans) : IPersonalDataSource
{
    public async ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var plan = await plans.Store.GetAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            export["plan"] = null;
            return;
        }

        if (subject.WholeConversation || subject.Owns(plan.CreatedBy))
        {
            export["plan"] = JsonNode.Parse(plan.ToJson());
            return;
        }

        var mine = new Plan { ConversationId = plan.ConversationId, CreatedAt = plan.CreatedAt, UpdatedAt = plan.UpdatedAt, Language = plan.Language };
        foreach (var commitment in plan.Commitments)
        {
            if (subject.Owns(commitment.CreatedBy))
            {
                mine.Commitments.Add(commitment);
            }
            else if (commitment.Progress.Any(p => subject.Owns(p.By)))
            {
                var reports = commitment.Progress.Where(p => subject.Owns(p.By)).ToList();
                commitment.Progress.Clear();
                commitment.Progress.AddRange(reports);
                mine.Commitments.Add(commitment);
            }
        }

        export["plan"] = JsonNode.Parse(mine.ToJson());
    }

    public async ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var plan = await plans.Store.GetAsync(subject.ConversationId, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        if (subject.WholeConversation)
        {
            await plans.Scheduler.PlanChangedAsync(plan, removed: true, cancellationToken).ConfigureAwait(false);
            await plans.Store.DeleteAsync(plan.ConversationId, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (subject.Owns(plan.CreatedBy))
        {
            plan.CreatedBy = null;
        }

        plan.Commitments.RemoveAll(c => subject.Owns(c.CreatedBy));
        foreach (var commitment in plan.Commitments)
        {
            for (var i = 0; i < commitment.Progress.Count; i++)
            {
                if (subject.Owns(commitment.Progress[i].By))
                {
                    commitment.Progress[i] = commitment.Progress[i] with { By = null };
                }
            }
        }

        await plans.Store.SaveAsync(plan, cancellationToken).ConfigureAwait(false);
        await plans.Scheduler.PlanChangedAsync(plan, removed: false, cancellationToken).ConfigureAwait(false);
    }
}
