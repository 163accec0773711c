using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Stats;

namespace RecipeBot.Core.Dialogs;

/// <summary>"I'll try this" under a situation's recipes, and the answer to "how did it go?" a week later.</summary>
public sealed class NextStepDialog
{
    private readonly Replies _replies;
    private readonly MeetingServices _meetings;
    private readonly MeetingMessages _messages;
    private readonly MachinePool<NextStepMachine> _machines;
    private readonly IActivityLog _activity;

    public NextStepDialog(Replies replies, MeetingServices meetings, MeetingMessages messages, IActivityLog activity)
    {
        _activity = activity;
        _replies = replies;
        _meetings = meetings;
        _messages = messages;
        _machines = new MachinePool<NextStepMachine>(() => new NextStepMachine(SaveAsync, ForgetAsync));
    }

    /// <summary>"I'll try this": ask in a week how the situation's recipes worked.</summary>
    public async ValueTask<OutgoingMessage> TryAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        if (_replies.Flow[conversation.State].Situation is not { } situation)
        {
            return _replies.Full(conversation);
        }

        var step = new NextStep(conversation.Id, situation.Id, _replies.Now + _meetings.NextStepAfter, conversation.Language);
        await FireAsync(turn, situation.Id, NextStepMachine.Trigger.Try, step).ConfigureAwait(false);
        await _activity.RecordAsync(new ActivityEvent(conversation.Id, ActivityKinds.RecipeTried, situation.Id, _replies.Now), turn.CancellationToken).ConfigureAwait(false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Replies.ZoneOf(conversation));
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(step.DueAt, zone).DateTime);
        return _replies.Prompt(conversation, _replies.Say(conversation, "try-noted", ("date", _messages.DateOn(date, conversation.Language))));
    }

    /// <summary>The answer to "how did it go?", pressed whenever; null when the text is no such answer.</summary>
    public async ValueTask<OutgoingMessage?> PressAsync(DialogTurn turn)
    {
        if (!NextStepButton.TryParse(turn.Text.Trim(), out var button))
        {
            return null;
        }

        var conversation = turn.Conversation;
        await FireAsync(turn, button.SituationId, button.Done ? NextStepMachine.Trigger.Done : NextStepMachine.Trigger.Stuck, null).ConfigureAwait(false);

        // Done → the next phase; still stuck → that phase's question of what is in the way.
        var phase = _replies.Flow.Content.SituationsById.TryGetValue(button.SituationId, out var situation) ? situation.Phase : conversation.Phase ?? Phases.Contact;
        var index = Math.Max(0, Phases.All.ToList().IndexOf(phase));
        var target = button.Done ? Phases.All[Math.Min(index + 1, Phases.All.Count - 1)] : Phases.All[index];
        if (_replies.Flow.TryGetState(target, out _) && target != conversation.State)
        {
            conversation.PushHistory(conversation.State);
            conversation.State = target;
            conversation.Phase = target;
        }

        conversation.Misses = 0;
        var reply = _replies.Full(conversation);
        return reply with { Text = _replies.Say(conversation, button.Done ? "next-step-done" : "next-step-stuck") + "\n\n" + reply.Text };
    }

    private async Task FireAsync(DialogTurn turn, string situationId, NextStepMachine.Trigger trigger, NextStep? made)
    {
        var stored = await _meetings.Store.GetNextStepAsync(turn.Conversation.Id, situationId, turn.CancellationToken).ConfigureAwait(false);
        var machine = _machines.Rent();
        machine.Current = stored is null ? NextStepMachine.State.Idle : NextStepMachine.State.Waiting;
        (machine.Stored, machine.Made, machine.CancellationToken) = (stored, made, turn.CancellationToken);
        try
        {
            await machine.Machine.FireAsync(trigger).ConfigureAwait(false);
        }
        finally
        {
            (machine.Stored, machine.Made) = (null, null);
            _machines.Return(machine);
        }
    }

    private async Task SaveAsync(NextStepMachine machine)
    {
        var step = machine.Made!;
        await _meetings.Store.SaveNextStepAsync(step, machine.CancellationToken).ConfigureAwait(false);
        await _meetings.Scheduler.NextStepChangedAsync(step, removed: false, machine.CancellationToken).ConfigureAwait(false);
    }

    private async Task ForgetAsync(NextStepMachine machine)
    {
        var step = machine.Stored!;
        await _meetings.Store.DeleteNextStepAsync(step.ConversationId, step.SituationId, machine.CancellationToken).ConfigureAwait(false);
        await _meetings.Scheduler.NextStepChangedAsync(step, removed: true, machine.CancellationToken).ConfigureAwait(false);
    }
}
