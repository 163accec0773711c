using Microsoft.Extensions.Logging;
using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// The menu: the flow of <c>flow.yaml</c> on a pooled, configured Stateless machine whose entry actions record what a
/// state gives, plus <c>back</c> and <c>restart</c>, and free text (<see cref="MenuDialog"/>'s other part).
/// </summary>
public sealed partial class MenuDialog
{
    private readonly Replies _replies;
    private readonly CompiledFlow _flow;
    private readonly Diagnosis.IntentDiagnoser? _diagnoser;
    private readonly ScheduleDialog _schedule;
    private readonly NextStepDialog _nextSteps;
    private readonly ILogger _logger;
    private readonly MachinePool<MenuMachine> _machines;

    public MenuDialog(Replies replies, Diagnosis.IntentDiagnoser? diagnoser, ScheduleDialog schedule, NextStepDialog nextSteps, ILogger logger)
    {
        _replies = replies;
        _flow = replies.Flow;
        _diagnoser = diagnoser;
        _schedule = schedule;
        _nextSteps = nextSteps;
        _logger = logger;
        _machines = new MachinePool<MenuMachine>(() => new MenuMachine(this, _flow));
        _machines.Return(new MenuMachine(this, _flow));
        Clarification = new ClarificationDialog(replies, (turn, intent) => ActAsync(turn, intent));
    }

    public ClarificationDialog Clarification { get; }

    /// <summary>A message for the menu: one of the state's choices, or free text.</summary>
    public async ValueTask<OutgoingMessage> AnswerAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var choice = turn.IsNew ? null : _flow[conversation.State].Match(turn.Text);
        if (choice is null)
        {
            return await FreeTextAsync(turn).ConfigureAwait(false);
        }

        conversation.Misses = 0;
        return choice.Action switch
        {
            ChoiceAction.Back => Back(conversation),
            ChoiceAction.Restart => StartOver(conversation),
            _ => await FireAsync(turn, choice.Id, null).ConfigureAwait(false),
        };
    }

    public OutgoingMessage Back(Conversation conversation)
    {
        while (conversation.PopHistory() is { } previous)
        {
            if (_flow.TryGetState(previous, out _))
            {
                conversation.State = previous;
                return _replies.Full(conversation);
            }
        }

        return _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.NothingToGoBackTo));
    }

    /// <summary>The start again: role, phase, history and any pending dialog are forgotten; the language stays.</summary>
    public OutgoingMessage Restart(Conversation conversation)
    {
        conversation.State = _flow.Start.Id;
        conversation.Role = null;
        conversation.Phase = null;
        conversation.History.Clear();
        conversation.Draft = null;
        return _replies.Full(conversation);
    }

    /// <summary>
    /// <c>/restart</c> and the restart button: <see cref="Restart"/>, then past the language question to where the
    /// conversation's language leads (the role), since the language is kept; <c>/back</c> still reaches the languages.
    /// </summary>
    public OutgoingMessage StartOver(Conversation conversation)
    {
        Restart(conversation);
        var start = _flow.Start;
        if (start.Choices.FirstOrDefault(c => c.Set.TryGetValue("language", out var language) && language == conversation.Language) is { Goto: { } next }
            && _flow.TryGetState(next, out _))
        {
            conversation.PushHistory(start.Id);
            conversation.State = next;
        }

        return _replies.Full(conversation);
    }

    /// <summary>The state a conversation's role leads to (the phase menu), or the start for a conversation without one.</summary>
    public string MenuOf(Conversation conversation)
    {
        if (conversation.Role is { } role)
        {
            foreach (var state in _flow.States)
            {
                if (state.Choices.FirstOrDefault(c => c.Set.TryGetValue("role", out var value) && value == role && c.Goto is not null) is { } choice
                    && _flow.TryGetState(choice.Goto!, out _))
                {
                    return choice.Goto!;
                }
            }
        }

        return _flow.Start.Id;
    }

    /// <summary>Entry action of every state: the choice's settings, the history, and what a situation gives.</summary>
    internal void Entered(DialogTurn turn, StateMachine<string, string>.Transition transition)
    {
        var conversation = turn.Conversation;
        if (_flow[transition.Source].Choice(transition.Trigger) is { Set.Count: > 0 } choice)
        {
            foreach (var (key, value) in choice.Set)
            {
                switch (key)
                {
                    case "language": conversation.Language = value; break;
                    case "role": conversation.Role = value; break;
                    case "phase": conversation.Phase = value; break;
                }
            }
        }

        if (!transition.IsReentry)
        {
            conversation.PushHistory(transition.Source);
        }

        if (_flow[transition.Destination].Situation is { } situation)
        {
            // The overview names the recipes; a recipe counts as given once its steps were opened.
            conversation.Phase = situation.Phase;
            AddOnce(conversation.SituationsSeen, situation.Id);
        }
    }

    /// <summary>Internal transitions: a recipe, the overview, a method or reference card, "schedule a meeting", "I'll try this".</summary>
    internal async Task<OutgoingMessage> AnswerInPlaceAsync(DialogTurn turn, FlowChoice choice)
    {
        var conversation = turn.Conversation;
        return choice.Action switch
        {
            ChoiceAction.ScheduleMeeting => _schedule.Start(conversation),
            ChoiceAction.TryRecipes => await _nextSteps.TryAsync(turn).ConfigureAwait(false),
            ChoiceAction.ShowRecipe => ShowRecipe(conversation, choice.RecipeId!),
            ChoiceAction.ShowOverview => _replies.Full(conversation),
            ChoiceAction.ShowCard => ShowCard(conversation, _flow.Content.CardsById[choice.CardId!]),
            _ => ShowMethod(conversation, _flow.Content.MethodsById[choice.MethodId!]),
        };
    }

    /// <summary>Fires a choice, or (with <paramref name="diagnosed"/>) recognised free text, on a pooled machine bound to the turn.</summary>
    private async ValueTask<OutgoingMessage> FireAsync(DialogTurn turn, string trigger, string? diagnosed)
    {
        var machine = _machines.Rent();
        machine.Bound = turn;
        try
        {
            await (diagnosed is null ? machine.Machine.FireAsync(trigger) : machine.Machine.FireAsync(machine.Diagnosed, diagnosed)).ConfigureAwait(false);
            return machine.Reply ?? _replies.Full(turn.Conversation);
        }
        finally
        {
            machine.Bound = null;
            machine.Reply = null;
            _machines.Return(machine);
        }
    }

    private static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }
}
