namespace RecipeBot.StateMachine.Tests;

public class PermittedTriggersTests
{
    [Fact]
    public void CanFire_HonoursGuards()
    {
        var open = false;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitIf(Trigger.X, State.B, () => open, "is open");

        var before = machine.CanFire(Trigger.X);
        open = true;

        Assert.False(before);
        Assert.True(machine.CanFire(Trigger.X));
        Assert.False(machine.CanFire(Trigger.Y));
    }

    [Fact]
    public void CanFire_IncludesTriggersInheritedFromSuperstates()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).Permit(Trigger.X, State.C);
        machine.Configure(State.B).SubstateOf(State.A);

        Assert.True(machine.CanFire(Trigger.X));
    }

    [Fact]
    public async Task GetPermittedTriggers_ListsOwnAndInheritedTriggersWhoseGuardsPass()
    {
        var machine = new StateMachine<State, Trigger>(State.B);
        machine.Configure(State.A).Permit(Trigger.X, State.C).Ignore(Trigger.Z);
        machine.Configure(State.B)
            .SubstateOf(State.A)
            .PermitIf(Trigger.X, State.D, () => false, "never")
            .InternalTransition(Trigger.Y, _ => Task.CompletedTask);

        var permitted = await machine.GetPermittedTriggersAsync();

        Assert.Equal([Trigger.Y, Trigger.X, Trigger.Z], permitted);
    }

    [Fact]
    public async Task GetPermittedTriggers_ExcludesTriggersWhoseGuardsFail()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => false, "never")
            .Permit(Trigger.Y, State.C);

        var permitted = await machine.GetPermittedTriggersAsync();

        Assert.Equal(Trigger.Y, Assert.Single(permitted));
    }
}
