using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Engine;

/// <summary>"I'll try this" and the answer to "how did it go?" a week later.</summary>
public sealed partial class RecipeEngine
{
    /// <summary>"I'll try this": remember to ask in a week how the situation's recipes worked.</summary>
    private async ValueTask<OutgoingMessage> TryRecipesAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        if (flow[conversation.State].Situation is not { } situation)
        {
            return Full(conversation);
        }

        var step = new NextStep(conversation.Id, situation.Id, time.GetUtcNow() + _meetings.NextStepAfter, conversation.Language);
        await _meetings.Store.SaveNextStepAsync(step, cancellationToken).ConfigureAwait(false);
        await _meetings.Scheduler.NextStepChangedAsync(step, removed: false, cancellationToken).ConfigureAwait(false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(conversation));
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(step.DueAt, zone).DateTime);
        return Prompt(conversation, Say(conversation, "try-noted").Replace("{date}", _messages.ShortDate(date, conversation.Language), StringComparison.Ordinal));
    }

    /// <summary>The answer to "how did it go?": done → the next phase; still stuck → diagnose the phase again.</summary>
    private async ValueTask<OutgoingMessage> NextStepAnsweredAsync(Conversation conversation, string situationId, bool done, CancellationToken cancellationToken)
    {
        if (await _meetings.Store.GetNextStepAsync(conversation.Id, situationId, cancellationToken).ConfigureAwait(false) is { } step)
        {
            await _meetings.Store.DeleteNextStepAsync(conversation.Id, situationId, cancellationToken).ConfigureAwait(false);
            await _meetings.Scheduler.NextStepChangedAsync(step, removed: true, cancellationToken).ConfigureAwait(false);
        }

        var phase = flow.Content.SituationsById.TryGetValue(situationId, out var situation) ? situation.Phase : conversation.Phase ?? Phases.Contact;
        var index = Math.Max(0, Phases.All.ToList().IndexOf(phase));
        var target = done ? Phases.All[Math.Min(index + 1, Phases.All.Count - 1)] : Phases.All[index];
        if (flow.TryGetState(target, out _) && target != conversation.State)
        {
            conversation.PushHistory(conversation.State);
            conversation.State = target;
            conversation.Phase = target;
        }

        conversation.Misses = 0;
        var reply = Full(conversation);
        return reply with { Text = Say(conversation, done ? "next-step-done" : "next-step-stuck") + "\n\n" + reply.Text };
    }
}
