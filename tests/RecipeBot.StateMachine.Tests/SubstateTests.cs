namespace RecipeBot.StateMachine.Tests;

public class SubstateTests
{
    private readonly List<string> _log = [];

    [Fact]
    public async Task WhenInSubstate_TriggerPermittedInSuperstate_IsInherited()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).Permit(Trigger.X, State.C);
        machine.Configure(State.B).SubstateOf(State.A);

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.C, machine.State);
    }

    [Fact]
    public async Task WhenInSubstate_OwnConfigurationWinsOverSuperstate()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).Permit(Trigger.X, State.C);
        machine.Configure(State.B).SubstateOf(State.A).Permit(Trigger.X, State.D);

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.D, machine.State);
    }

    [Fact]
    public async Task WhenInSubstate_GuardFailsButSuperstatePermits_SuperstateTransitionIsTaken()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).Permit(Trigger.X, State.C);
        machine.Configure(State.B).SubstateOf(State.A).PermitIf(Trigger.X, State.D, () => false, "never");

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.C, machine.State);
    }

    [Fact]
    public async Task WhenInSubstate_TriggerIgnoredInSuperstate_RemainsInSubstate()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).Ignore(Trigger.X).OnExit(Log("exit A"));
        machine.Configure(State.B).SubstateOf(State.A).OnExit(Log("exit B"));

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.B, machine.State);
        Assert.Empty(_log);
    }

    [Fact]
    public async Task MovingBetweenSiblingSubstates_DoesNotRunSuperstateEntryOrExit()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).OnEntry(Log("enter A")).OnExit(Log("exit A"));
        machine.Configure(State.B).SubstateOf(State.A).Permit(Trigger.X, State.C).OnExit(Log("exit B"));
        machine.Configure(State.C).SubstateOf(State.A).OnEntry(Log("enter C"));

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit B", "enter C"], _log);
    }

    [Fact]
    public async Task Reentry_RunsOwnExitAndEntry_NotSuperstates()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).OnEntry(Log("enter A")).OnExit(Log("exit A"));
        machine.Configure(State.B).SubstateOf(State.A).PermitReentry(Trigger.X).OnEntry(Log("enter B")).OnExit(Log("exit B"));
        machine.OnTransitioned(t =>
        {
            _log.Add($"transitioned reentry={t.IsReentry}");
            return Task.CompletedTask;
        });

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit B", "transitioned reentry=True", "enter B"], _log);
        Assert.Equal(State.B, machine.State);
    }

    [Fact]
    public async Task WhenInSubstate_ReentryInheritedFromSuperstate_ReentersSuperstate()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).PermitReentry(Trigger.X).OnEntry(Log("enter A")).OnExit(Log("exit A"));
        machine.Configure(State.B).SubstateOf(State.A).OnEntry(Log("enter B")).OnExit(Log("exit B"));

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit B", "exit A", "enter A"], _log);
        Assert.Equal(State.A, machine.State);
    }

    [Fact]
    public void IsInState_IsTrueForTheStateAndItsSuperstates()
    {
        var machine = new StateMachine<State, Trigger>(State.C);
        machine.Configure(State.B).SubstateOf(State.A);
        machine.Configure(State.C).SubstateOf(State.B);

        Assert.True(machine.IsInState(State.C));
        Assert.True(machine.IsInState(State.B));
        Assert.True(machine.IsInState(State.A));
        Assert.False(machine.IsInState(State.D));
    }

    [Fact]
    public void SubstateOfItsOwnSubstate_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.B).SubstateOf(State.A);

        var exception = Assert.Throws<ArgumentException>(() => machine.Configure(State.A).SubstateOf(State.B));

        Assert.Equal("Configuring A as a substate of B creates an illegal cyclic configuration.", exception.Message);
    }

    private Func<StateMachine<State, Trigger>.Transition, Task> Log(string entry) => _ =>
    {
        _log.Add(entry);
        return Task.CompletedTask;
    };
}
