namespace RecipeBot.StateMachine.Tests;

public class AllocationTests
{
    private const int Iterations = 1_000;

    [Fact]
    public async Task FiringAPlainPermit_AllocatesLittle()
    {
        var definition = new StateMachineDefinition<State, Trigger>();
        definition.Configure(State.A).Permit(Trigger.X, State.B);
        definition.Configure(State.B).Permit(Trigger.Y, State.A);
        var state = State.A;
        var machine = new StateMachine<State, Trigger>(definition, () => state, s => state = s);
        await machine.FireAsync(Trigger.X);
        await machine.FireAsync(Trigger.Y);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            await machine.FireAsync(Trigger.X);
            await machine.FireAsync(Trigger.Y);
        }

        var perFire = (GC.GetAllocatedBytesForCurrentThread() - before) / (2.0 * Iterations);
        Assert.True(perFire < 200, $"{perFire} bytes per FireAsync");
    }

    [Fact]
    public void CreatingAMachineOverADefinition_AllocatesLittle()
    {
        var definition = new StateMachineDefinition<State, Trigger>();
        for (var s = State.A; s <= State.D; s++)
        {
            definition.Configure(s).Permit(Trigger.X, s == State.D ? State.A : s + 1);
        }

        Func<State> accessor = () => State.A;
        Action<State> mutator = _ => { };
        GC.KeepAlive(new StateMachine<State, Trigger>(definition, accessor, mutator));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            GC.KeepAlive(new StateMachine<State, Trigger>(definition, accessor, mutator));
        }

        var perMachine = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Iterations;
        Assert.True(perMachine < 100, $"{perMachine} bytes per machine");
    }
}
