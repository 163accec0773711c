namespace RecipeBot.StateMachine.Tests;

public class ExternalStateStorageTests
{
    [Fact]
    public async Task Fire_WritesTheDestinationThroughTheMutator()
    {
        var stored = State.A;
        var writes = new List<State>();
        var machine = new StateMachine<State, Trigger>(() => stored, s =>
        {
            writes.Add(s);
            stored = s;
        });
        machine.Configure(State.A).Permit(Trigger.X, State.B);

        await machine.FireAsync(Trigger.X);

        Assert.Equal([State.B], writes);
        Assert.Equal(State.B, machine.State);
    }

    [Fact]
    public async Task StateChangedExternallyBetweenFires_IsHonoured()
    {
        var stored = State.A;
        var machine = new StateMachine<State, Trigger>(() => stored, s => stored = s);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.C).Permit(Trigger.X, State.D);

        await machine.FireAsync(Trigger.X);
        stored = State.C;
        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.D, stored);
    }

    [Fact]
    public async Task MachinesSharingADefinition_KeepTheirOwnState()
    {
        var definition = new StateMachineDefinition<State, Trigger>();
        definition.Configure(State.A).Permit(Trigger.X, State.B);
        definition.Configure(State.B).Permit(Trigger.X, State.C);
        var first = State.A;
        var second = State.B;

        await new StateMachine<State, Trigger>(definition, () => first, s => first = s).FireAsync(Trigger.X);
        await new StateMachine<State, Trigger>(definition, () => second, s => second = s).FireAsync(Trigger.X);

        Assert.Equal(State.B, first);
        Assert.Equal(State.C, second);
    }

    [Fact]
    public async Task ConfiguringThroughAMachine_ChangesItsSharedDefinition()
    {
        var definition = new StateMachineDefinition<State, Trigger>();
        var first = State.A;
        var second = State.A;
        new StateMachine<State, Trigger>(definition, () => first, s => first = s).Configure(State.A).Permit(Trigger.X, State.B);

        await new StateMachine<State, Trigger>(definition, () => second, s => second = s).FireAsync(Trigger.X);

        Assert.Equal(State.B, second);
    }
}
