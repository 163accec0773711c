namespace RecipeBot.StateMachine.Tests;

public class TriggerParameterTests
{
    private readonly List<string> _log = [];

    [Fact]
    public async Task OnEntryFrom_RunsOnlyWhenEnteredThroughThatTrigger()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.B);
        machine.Configure(State.B)
            .Permit(Trigger.Z, State.A)
            .OnEntryFrom(Trigger.X, t =>
            {
                _log.Add($"from {t.Trigger}");
                return Task.CompletedTask;
            });

        await machine.FireAsync(Trigger.Y);
        await machine.FireAsync(Trigger.Z);
        await machine.FireAsync(Trigger.X);

        Assert.Equal(["from X"], _log);
    }

    [Fact]
    public async Task OnEntryFromParameterisedTrigger_ReceivesTheTypedArgument()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        var withCount = machine.SetTriggerParameters<int>(Trigger.X);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B).OnEntryFrom(withCount, (count, t) =>
        {
            _log.Add($"count {count + 1}, parameters [{string.Join(", ", t.Parameters)}]");
            return Task.CompletedTask;
        });

        await machine.FireAsync(withCount, 41);

        Assert.Equal(["count 42, parameters [41]"], _log);
    }

    [Fact]
    public async Task TransitionWithoutArguments_HasTheSharedEmptyParameters()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        object?[]? parameters = null;
        machine.OnTransitioned(t =>
        {
            parameters = t.Parameters;
            return Task.CompletedTask;
        });

        await machine.FireAsync(Trigger.X);

        Assert.Same(Array.Empty<object?>(), parameters);
    }

    [Fact]
    public async Task FireWithWrongParameterType_ThrowsArgumentException()
    {
        var definition = new StateMachineDefinition<State, Trigger>();
        definition.SetTriggerParameters<int>(Trigger.X);
        definition.Configure(State.A).Permit(Trigger.X, State.B);
        var withText = new StateMachineDefinition<State, Trigger>().SetTriggerParameters<string>(Trigger.X);
        var state = State.A;
        var machine = new StateMachine<State, Trigger>(definition, () => state, s => state = s);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => machine.FireAsync(withText, "forty-two"));

        Assert.Equal("The argument in position 0 is of type System.String but must be of type System.Int32.", exception.Message);
        Assert.Equal(State.A, state);
    }

    [Fact]
    public async Task FireParameterisedTriggerWithoutArgument_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.SetTriggerParameters<int>(Trigger.X);
        machine.Configure(State.A).Permit(Trigger.X, State.B);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => machine.FireAsync(Trigger.X));

        Assert.Equal(
            "Trigger 'X' requires an argument of type System.Int32; fire it through its TriggerWithParameters.",
            exception.Message);
    }

    [Fact]
    public void SetTriggerParametersTwice_ThrowsInvalidOperationException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.SetTriggerParameters<int>(Trigger.X);

        var exception = Assert.Throws<InvalidOperationException>(() => machine.SetTriggerParameters<string>(Trigger.X));

        Assert.Equal("Parameters for the trigger 'X' have already been configured.", exception.Message);
    }

    [Fact]
    public void OnEntryFromWithAnotherDefinitionsTypedTrigger_ThrowsArgumentException()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.SetTriggerParameters<int>(Trigger.X);
        var withText = new StateMachineDefinition<State, Trigger>().SetTriggerParameters<string>(Trigger.X);

        var exception = Assert.Throws<ArgumentException>(
            () => machine.Configure(State.B).OnEntryFrom(withText, (_, _) => Task.CompletedTask));

        Assert.Equal("Trigger 'X' is not declared with an argument of type System.String in this definition.", exception.Message);
    }
}
