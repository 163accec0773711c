namespace RecipeBot.StateMachine.Tests;

public class PermitTests
{
    private const string SelfTransitionMessage =
        "Permit() (and PermitIf()) require that the destination state is not equal to the source state. To accept a trigger without changing state, use either Ignore() or PermitReentry().";

    [Fact]
    public async Task WhenPermitted_Fire_MovesToDestination()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.B, machine.State);
    }

    [Fact]
    public void PermitToSameState_ThrowsAtConfigurationTime()
    {
        var machine = new StateMachine<State, Trigger>(State.A);

        var exception = Assert.Throws<ArgumentException>(() => machine.Configure(State.A).Permit(Trigger.X, State.A));

        Assert.Equal(SelfTransitionMessage, exception.Message);
    }

    [Fact]
    public void PermitIfToSameState_ThrowsAtConfigurationTime()
    {
        var machine = new StateMachine<State, Trigger>(State.A);

        var exception = Assert.Throws<ArgumentException>(
            () => machine.Configure(State.A).PermitIf(Trigger.X, State.A, () => true, "always"));

        Assert.Equal(SelfTransitionMessage, exception.Message);
    }

    [Fact]
    public async Task PermitIf_WithGuardEvaluatedAtFireTime_FollowsTheGuard()
    {
        var open = false;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.X, State.B, () => open, "is open");
        Assert.False(machine.CanFire(Trigger.X));

        open = true;
        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.B, machine.State);
    }
}
