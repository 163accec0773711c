using RecipeBot.Core.Meetings;
using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// "I'll try this" as a configured Stateless machine over whether a next step is waiting for a situation: entering
/// <see cref="State.Waiting"/> saves it and its timer, leaving it (done, still stuck, tried again) deletes them.
/// </summary>
internal sealed class NextStepMachine
{
    public NextStepMachine(Func<NextStepMachine, Task> save, Func<NextStepMachine, Task> forget)
    {
        Machine = new StateMachine<State, Trigger>(() => Current, state => Current = state, FiringMode.Immediate);
        Machine.Configure(State.Idle)
            .Permit(Trigger.Try, State.Waiting)
            .Ignore(Trigger.Done)
            .Ignore(Trigger.Stuck);
        Machine.Configure(State.Waiting)
            .OnEntryAsync(() => save(this), "save the step and its timer")
            .OnExitAsync(() => forget(this), "delete the step and its timer")
            .PermitReentry(Trigger.Try)
            .Permit(Trigger.Done, State.Idle)
            .Permit(Trigger.Stuck, State.Idle);
    }

    public enum State
    {
        Idle,
        Waiting,
    }

    public enum Trigger
    {
        Try,
        Done,
        Stuck,
    }

    public StateMachine<State, Trigger> Machine { get; }

    public State Current { get; set; }

    /// <summary>The step stored for the situation when the turn began: what leaving <see cref="State.Waiting"/> deletes.</summary>
    public NextStep? Stored { get; set; }

    /// <summary>The step "I'll try this" makes: what entering <see cref="State.Waiting"/> saves.</summary>
    public NextStep? Made { get; set; }

    public CancellationToken CancellationToken { get; set; }
}
