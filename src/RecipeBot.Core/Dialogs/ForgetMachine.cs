using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// <c>/forget</c> as a configured Stateless machine: asking is a state (the question's buttons are what the last reply
/// offered), and only a confirmation while asking enters <see cref="State.Erased"/>, whose entry erases the data.
/// </summary>
internal sealed class ForgetMachine
{
    public ForgetMachine(Func<ForgetMachine, Task> erase)
    {
        Machine = new StateMachine<State, Trigger>(() => Current, state => Current = state, FiringMode.Immediate);
        Machine.Configure(State.Idle)
            .Permit(Trigger.Ask, State.Asking);
        Machine.Configure(State.Asking)
            .PermitReentry(Trigger.Ask)
            .Permit(Trigger.Confirm, State.Erased)
            .Permit(Trigger.Cancel, State.Idle);
        Machine.Configure(State.Erased)
            .OnEntryAsync(() => erase(this), "erase the user's data");
    }

    public enum State
    {
        Idle,
        Asking,
        Erased,
    }

    public enum Trigger
    {
        Ask,
        Confirm,
        Cancel,
    }

    public StateMachine<State, Trigger> Machine { get; }

    public State Current { get; set; }

    /// <summary>The turn the machine serves.</summary>
    public DialogTurn? Bound { get; set; }
}
