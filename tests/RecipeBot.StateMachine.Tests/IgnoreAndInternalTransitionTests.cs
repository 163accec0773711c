namespace RecipeBot.StateMachine.Tests;

public class IgnoreAndInternalTransitionTests
{
    private readonly List<string> _log = [];

    [Fact]
    public async Task IgnoredTrigger_LeavesStateUnchanged_AndRunsNothing()
    {
        var machine = NewMachine();
        machine.Configure(State.A).Ignore(Trigger.X);

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.A, machine.State);
        Assert.Empty(_log);
    }

    [Fact]
    public async Task InternalTransition_RunsItsAction_WithoutExitEntryOrOnTransitioned()
    {
        var machine = NewMachine();
        machine.Configure(State.A).InternalTransition(Trigger.X, t =>
        {
            _log.Add($"internal {t.Source}->{t.Destination} by {t.Trigger}");
            return Task.CompletedTask;
        });

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.A, machine.State);
        Assert.Equal(["internal A->A by X"], _log);
    }

    [Fact]
    public async Task WhenInSubstate_InternalTransitionOfSuperstate_RunsWithoutLeavingEitherState()
    {
        var machine = NewMachine(State.B);
        machine.Configure(State.D).InternalTransition(Trigger.X, Log("internal"));
        machine.Configure(State.B).SubstateOf(State.D);

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.B, machine.State);
        Assert.Equal(["internal"], _log);
    }

    private StateMachine<State, Trigger> NewMachine(State initial = State.A)
    {
        var machine = new StateMachine<State, Trigger>(initial);
        machine.Configure(initial).OnEntry(Log("entry")).OnExit(Log("exit"));
        machine.OnTransitioned(Log("transitioned"));
        return machine;
    }

    private Func<StateMachine<State, Trigger>.Transition, Task> Log(string entry) => _ =>
    {
        _log.Add(entry);
        return Task.CompletedTask;
    };
}
