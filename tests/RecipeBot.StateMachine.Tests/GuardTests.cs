namespace RecipeBot.StateMachine.Tests;

public class GuardTests
{
    [Fact]
    public async Task TwoPassingGuardsForOneTrigger_Fire_ThrowsInvalidOperationException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => true, "first")
            .PermitIf(Trigger.X, State.C, () => true, "second");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));

        Assert.Equal(
            "Multiple permitted exit transitions are configured from state 'A' for trigger 'X'. Guard clauses must be mutually exclusive.",
            exception.Message);
        Assert.Equal(State.A, machine.State);
    }

    [Fact]
    public async Task OnePassingGuardAmongSeveral_Fire_TakesItsTransition()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => false, "first")
            .PermitIf(Trigger.X, State.C, () => true, "second");

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.C, machine.State);
    }

    [Fact]
    public async Task AfterAFailedFire_MachineCanFireAgain()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.Y, State.B);

        await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));
        await machine.FireAsync(Trigger.Y);

        Assert.Equal(State.B, machine.State);
    }
}
