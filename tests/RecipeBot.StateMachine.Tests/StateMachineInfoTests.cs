namespace RecipeBot.StateMachine.Tests;

public class StateMachineInfoTests
{
    [Fact]
    public void GetInfo_DescribesStatesTransitionsAndHierarchy()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => true, "is open")
            .PermitDynamic(Trigger.Y, () => State.C)
            .PermitReentry(Trigger.Z)
            .OnEntry(_ => { });
        machine.Configure(State.B)
            .InitialTransition(State.C)
            .InternalTransition(Trigger.X, _ => Task.CompletedTask)
            .Ignore(Trigger.Y)
            .OnExit(_ => Task.CompletedTask);
        machine.Configure(State.C).SubstateOf(State.B);

        var info = machine.GetInfo();

        Assert.Equal(State.A, info.InitialState);
        Assert.Equal([State.A, State.B, State.C], info.States.Select(s => (State)s.UnderlyingState));
        var a = info.States[0];
        Assert.True(a.HasEntryActions);
        Assert.False(a.HasExitActions);
        Assert.Equal(
            [
                (Trigger.X, (object?)State.B, "is open", TransitionKind.Permit),
                (Trigger.Y, null, null, TransitionKind.Dynamic),
                (Trigger.Z, State.A, null, TransitionKind.Reentry),
            ],
            a.Transitions.Select(t => ((Trigger)t.Trigger, t.Destination, t.GuardDescription, t.Kind)));
        var b = info.States[1];
        Assert.Equal(State.C, b.InitialTransitionTarget);
        Assert.Equal(State.C, Assert.Single(b.Substates));
        Assert.Equal([TransitionKind.Internal, TransitionKind.Ignore], b.Transitions.Select(t => t.Kind));
        Assert.True(b.HasExitActions);
        Assert.Equal(State.B, info.States[2].Superstate);
    }

    [Fact]
    public void GetInfo_ListsStatesOnlyReferencedAfterConfiguredOnes()
    {
        var machine = new StateMachine<State, Trigger>(State.D);
        machine.Configure(State.A).Permit(Trigger.X, State.C);

        var info = machine.GetInfo();

        Assert.Equal([State.A, State.C, State.D], info.States.Select(s => (State)s.UnderlyingState));
        Assert.Empty(info.States[1].Transitions);
    }
}
