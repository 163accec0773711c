namespace RecipeBot.StateMachine.Tests;

public class UnhandledTriggerTests
{
    [Fact]
    public async Task TriggerNotConfigured_Fire_ThrowsNoValidLeavingTransitions()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.Y, State.B);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));

        Assert.Equal(
            "No valid leaving transitions are permitted from state 'A' for trigger 'X'. Consider ignoring the trigger.",
            exception.Message);
    }

    [Fact]
    public async Task StateNeverConfigured_Fire_ThrowsNoValidLeavingTransitions()
    {
        var machine = new StateMachine<State, Trigger>(State.C);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.Z));

        Assert.Equal(
            "No valid leaving transitions are permitted from state 'C' for trigger 'Z'. Consider ignoring the trigger.",
            exception.Message);
    }

    [Fact]
    public async Task GuardNotMet_Fire_ThrowsWithGuardDescription()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.X, State.B, () => false, "is open");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));

        Assert.Equal(
            "Trigger 'X' is valid for transition from state 'A' but a guard condition is not met. Guard descriptions: 'is open'.",
            exception.Message);
    }

    [Fact]
    public async Task SeveralGuardsNotMet_Fire_ListsEveryDescription()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).PermitIf(Trigger.X, State.D, () => false, "is ready");
        machine.Configure(State.B)
            .SubstateOf(State.A)
            .PermitIf(Trigger.X, State.C, () => false, "is open")
            .PermitIf(Trigger.X, State.D, () => false, "is staffed");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));

        Assert.Equal(
            "Trigger 'X' is valid for transition from state 'B' but a guard condition is not met. Guard descriptions: 'is open', 'is staffed', 'is ready'.",
            exception.Message);
    }

    [Fact]
    public async Task OnUnhandledTriggerRegistered_IsCalledInsteadOfThrowing()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.Y, State.B, () => false, "never");
        var calls = new List<(State, Trigger)>();
        machine.OnUnhandledTrigger((state, trigger) =>
        {
            calls.Add((state, trigger));
            return Task.CompletedTask;
        });

        await machine.FireAsync(Trigger.X);
        await machine.FireAsync(Trigger.Y);

        Assert.Equal([(State.A, Trigger.X), (State.A, Trigger.Y)], calls);
        Assert.Equal(State.A, machine.State);
    }
}
