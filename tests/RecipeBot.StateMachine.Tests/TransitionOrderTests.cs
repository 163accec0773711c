namespace RecipeBot.StateMachine.Tests;

public class TransitionOrderTests
{
    private readonly List<string> _log = [];

    [Fact]
    public async Task Fire_RunsExitThenOnTransitionedThenEntry()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B).OnExit(Log("exit A"));
        machine.Configure(State.B).OnEntry(Log("enter B"));
        machine.OnTransitioned(t =>
        {
            _log.Add($"transitioned {t.Source}->{t.Destination} by {t.Trigger}, state {machine.State}");
            return Task.CompletedTask;
        });

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit A", "transitioned A->B by X, state B", "enter B"], _log);
    }

    [Fact]
    public async Task LeavingSubstateForOutside_ExitsInnermostFirst()
    {
        var machine = new StateMachine<State, Trigger>(State.C);
        machine.Configure(State.A).OnExit(Log("exit A"));
        machine.Configure(State.B).SubstateOf(State.A).OnExit(Log("exit B"));
        machine.Configure(State.C).SubstateOf(State.B).OnExit(Log("exit C")).Permit(Trigger.X, State.D);
        machine.Configure(State.D).OnEntry(Log("enter D"));

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit C", "exit B", "exit A", "enter D"], _log);
    }

    [Fact]
    public async Task EnteringSubstateFromOutside_EntersOutermostFirst()
    {
        var machine = new StateMachine<State, Trigger>(State.D);
        machine.Configure(State.A).OnEntry(Log("enter A"));
        machine.Configure(State.B).SubstateOf(State.A).OnEntry(Log("enter B"));
        machine.Configure(State.C).SubstateOf(State.B).OnEntry(Log("enter C"));
        machine.Configure(State.D).Permit(Trigger.X, State.C).OnExit(Log("exit D"));

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit D", "enter A", "enter B", "enter C"], _log);
        Assert.True(machine.IsInState(State.A));
    }

    [Fact]
    public async Task DestinationWithInitialTransition_MovesIntoSubstateAfterEnteringIt()
    {
        var machine = new StateMachine<State, Trigger>(State.D);
        machine.Configure(State.D).Permit(Trigger.X, State.A);
        machine.Configure(State.A).InitialTransition(State.B).OnEntry(Log("enter A"));
        machine.Configure(State.B).SubstateOf(State.A).InitialTransition(State.C).OnEntry(Log("enter B"));
        machine.Configure(State.C).SubstateOf(State.B).OnEntry(t => _log.Add($"enter C ({t.Source}->{t.Destination}), state {machine.State}"));
        machine.OnTransitioned(t =>
        {
            _log.Add($"transitioned {t.Source}->{t.Destination}");
            return Task.CompletedTask;
        });

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["transitioned D->A", "enter A", "enter B", "enter C (D->C), state C"], _log);
        Assert.Equal(State.C, machine.State);
    }

    [Fact]
    public async Task InitialTransitionTargetNotASubstate_Fire_Throws()
    {
        var machine = new StateMachine<State, Trigger>(State.D);
        machine.Configure(State.D).Permit(Trigger.X, State.A);
        machine.Configure(State.A).InitialTransition(State.B);
        machine.Configure(State.B);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));

        Assert.Equal("The target (B) for the initial transition is not a substate.", exception.Message);
    }

    [Fact]
    public async Task EveryStepAwaitsAsynchronousActions()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B).OnExit(LogAfterYield("exit A"));
        machine.Configure(State.B).OnEntry(LogAfterYield("enter B"));
        machine.OnTransitioned(LogAfterYield("transitioned"));

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit A", "transitioned", "enter B"], _log);
    }

    private Func<StateMachine<State, Trigger>.Transition, Task> Log(string entry) => _ =>
    {
        _log.Add(entry);
        return Task.CompletedTask;
    };

    private Func<StateMachine<State, Trigger>.Transition, Task> LogAfterYield(string entry) => async _ =>
    {
        await Task.Yield();
        _log.Add(entry);
    };
}
