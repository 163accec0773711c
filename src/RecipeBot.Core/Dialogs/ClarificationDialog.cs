using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// "Did you mean A or B?" when free text could mean two things. The candidates are the dialog's state
/// (<see cref="Conversation.Clarification"/>); anything that is not one of its buttons closes the question and is
/// answered as what it is, a new question.
/// </summary>
public sealed class ClarificationDialog
{
    private readonly Replies _replies;
    private readonly Func<DialogTurn, string, ValueTask<OutgoingMessage>> _act;
    private readonly MachinePool<Machine> _machines = new(() => new Machine());

    /// <param name="act">What a picked intent leads to (the menu dialog acts on it).</param>
    public ClarificationDialog(Replies replies, Func<DialogTurn, string, ValueTask<OutgoingMessage>> act)
    {
        _replies = replies;
        _act = act;
    }

    public enum State
    {
        Closed,
        Asking,
    }

    private enum Trigger
    {
        Unsure,
        Picked,
        Neither,
        Elsewhere,
    }

    /// <summary>Asks which of <paramref name="intents"/> was meant; the message was understood that far, so it is no miss.</summary>
    public async ValueTask<OutgoingMessage> AskAsync(Conversation conversation, IReadOnlyList<string> intents)
    {
        await FireAsync(conversation, m => m.StateMachine.FireAsync(m.Unsure, intents)).ConfigureAwait(false);
        conversation.Misses = 0;
        return Replies.Own(conversation, _replies.Say(conversation, TextKeys.ClarifyQuestion), Choices(conversation));
    }

    /// <summary>The answer to "did you mean …?"; null when the user said something else, which the caller answers.</summary>
    public async ValueTask<OutgoingMessage?> AnswerAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var picked = ChoiceMatcher.Match(turn.Text, Choices(conversation));
        if (picked is null)
        {
            await FireAsync(conversation, m => m.StateMachine.FireAsync(Trigger.Elsewhere)).ConfigureAwait(false);
            return null;
        }

        if (picked.Id == IntentButton.Neither)
        {
            await FireAsync(conversation, m => m.StateMachine.FireAsync(Trigger.Neither)).ConfigureAwait(false);
            return _replies.Miss(conversation, TextKeys.Rephrase);
        }

        await FireAsync(conversation, m => m.StateMachine.FireAsync(Trigger.Picked)).ConfigureAwait(false);
        return IntentButton.TryParse(picked.Id, out var button) ? await _act(turn, button.Intent).ConfigureAwait(false) : _replies.Full(conversation);
    }

    /// <summary>The label of "did you mean" buttons, so that a typed label of a shown one presses it.</summary>
    public string? LabelOf(Conversation conversation, string id) =>
        id == IntentButton.Neither ? _replies.Say(conversation, TextKeys.ClarifyNeither)
        : IntentButton.TryParse(id, out var button) ? IntentLabel(button.Intent, conversation.Language)
        : null;

    /// <summary>The dialog as Mermaid, Stateless's export.</summary>
    public static string ToMermaid() => Stateless.Graph.MermaidGraph.Format(new Machine().StateMachine.GetInfo());

    private List<ChoiceView> Choices(Conversation conversation)
    {
        var choices = conversation.Clarification
            .Select(intent => new ChoiceView(new IntentButton(intent).Id, IntentLabel(intent, conversation.Language)))
            .ToList();
        choices.Add(new ChoiceView(IntentButton.Neither, _replies.Say(conversation, TextKeys.ClarifyNeither)));
        return choices;
    }

    private string IntentLabel(string intent, string language)
    {
        var content = _replies.Flow.Content;
        if (content.SituationsById.TryGetValue(intent, out var situation))
        {
            return situation.Title.Get(language, _replies.Flow.DefaultLanguage);
        }

        return intent.StartsWith(Content.ReferenceCard.IntentPrefix, StringComparison.Ordinal)
            && content.CardsById.TryGetValue(intent[Content.ReferenceCard.IntentPrefix.Length..], out var card)
            ? card.Title.Get(language, _replies.Flow.DefaultLanguage)
            : content.Text(EffectiveChoices.ScheduleLabelKey, language);
    }

    private async Task FireAsync(Conversation conversation, Func<Machine, Task> fire)
    {
        var machine = _machines.Rent();
        machine.Bound = conversation;
        try
        {
            await fire(machine).ConfigureAwait(false);
        }
        finally
        {
            machine.Bound = null;
            _machines.Return(machine);
        }
    }

    /// <summary>The configured machine and the conversation it serves for one turn.</summary>
    private sealed class Machine
    {
        public Machine()
        {
            StateMachine = new StateMachine<State, Trigger>(
                () => Bound is { Clarification.Count: > 0 } ? State.Asking : State.Closed,
                state =>
                {
                    if (state == State.Closed)
                    {
                        Bound!.Clarification.Clear();
                    }
                },
                FiringMode.Immediate);
            Unsure = StateMachine.SetTriggerParameters<IReadOnlyList<string>>(Trigger.Unsure);
            StateMachine.Configure(State.Closed)
                .Permit(Trigger.Unsure, State.Asking);
            StateMachine.Configure(State.Asking)
                .OnEntryFrom(Unsure, Remember, "remember the candidates")
                .PermitReentry(Trigger.Unsure)
                .Permit(Trigger.Picked, State.Closed)
                .Permit(Trigger.Neither, State.Closed)
                .Permit(Trigger.Elsewhere, State.Closed);
        }

        public StateMachine<State, Trigger> StateMachine { get; }

        public StateMachine<State, Trigger>.TriggerWithParameters<IReadOnlyList<string>> Unsure { get; }

        public Conversation? Bound { get; set; }

        private void Remember(IReadOnlyList<string> intents)
        {
            Bound!.Clarification.Clear();
            Bound.Clarification.AddRange(intents);
        }
    }
}
