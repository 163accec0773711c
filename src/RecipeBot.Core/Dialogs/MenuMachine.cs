using RecipeBot.Core.Content;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>A Stateless machine configured as the flow (<see cref="CompiledFlow.Configure"/>) and the turn it serves.</summary>
internal sealed class MenuMachine : IFlowBehaviour
{
    private readonly MenuDialog _dialog;

    public MenuMachine(MenuDialog dialog, CompiledFlow flow)
    {
        _dialog = dialog;
        var start = flow.Start.Id;

        // Unbound (configuring, exporting the diagram), the machine stands at the start.
        Machine = new StateMachine<string, string>(() => Bound?.Conversation.State ?? start, state => Turn.Conversation.State = state, FiringMode.Immediate);
        Diagnosed = Machine.SetTriggerParameters<string>(CompiledFlow.DiagnosedTrigger);
        flow.Configure(Machine, Diagnosed, this);
    }

    public StateMachine<string, string> Machine { get; }

    public StateMachine<string, string>.TriggerWithParameters<string> Diagnosed { get; }

    /// <summary>The turn this machine serves; null while it waits in the pool.</summary>
    public DialogTurn? Bound { get; set; }

    /// <summary>The answer of a choice answered in place; null when the reply is the state reached.</summary>
    public OutgoingMessage? Reply { get; set; }

    private DialogTurn Turn => Bound ?? throw new InvalidOperationException("The menu machine is not bound to a turn.");

    public void Entered(StateMachine<string, string>.Transition transition) => _dialog.Entered(Turn, transition);

    public async Task AnswerInPlaceAsync(FlowChoice choice) => Reply = await _dialog.AnswerInPlaceAsync(Turn, choice).ConfigureAwait(false);
}
