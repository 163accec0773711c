namespace RecipeBot.StateMachine.Tests;

public class QueuedFiringTests
{
    private readonly List<string> _log = [];

    [Fact]
    public async Task FireFromEntryAction_RunsAfterTheCurrentTransitionCompletes()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B)
            .Permit(Trigger.Y, State.C)
            .OnEntry(async _ =>
            {
                _log.Add("enter B: start");
                await machine.FireAsync(Trigger.Y);
                _log.Add($"enter B: end, state {machine.State}");
            })
            .OnEntry(Log("enter B: second action"))
            .OnExit(Log("exit B"));
        machine.Configure(State.C).OnEntry(Log("enter C"));

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["enter B: start", "enter B: end, state B", "enter B: second action", "exit B", "enter C"], _log);
        Assert.Equal(State.C, machine.State);
    }

    [Fact]
    public async Task FireFromOnTransitionedAndExit_AreQueuedInOrder()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B).OnExit(async _ => await machine.FireAsync(Trigger.Y));
        machine.Configure(State.B).Permit(Trigger.Y, State.C);
        machine.Configure(State.C).Permit(Trigger.Z, State.D);
        machine.OnTransitioned(async t =>
        {
            _log.Add($"{t.Source}->{t.Destination}");
            if (t.Destination == State.B)
            {
                await machine.FireAsync(Trigger.Z);
            }
        });

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["A->B", "B->C", "C->D"], _log);
        Assert.Equal(State.D, machine.State);
    }

    [Fact]
    public async Task OuterFireAsync_CompletesOnlyAfterAsynchronousQueueDrains()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B).Permit(Trigger.Y, State.C).OnEntry(async _ => await machine.FireAsync(Trigger.Y));
        machine.Configure(State.C).OnEntry(async _ =>
        {
            await Task.Delay(10);
            _log.Add("enter C done");
        });

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.C, machine.State);
        Assert.Equal(["enter C done"], _log);
    }

    [Fact]
    public async Task QueuedTriggerFails_OuterFireAsyncFaults_AndMachineStaysUsable()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).Permit(Trigger.X, State.B);
        machine.Configure(State.B)
            .Permit(Trigger.Y, State.C)
            .OnEntry(async _ =>
            {
                await machine.FireAsync(Trigger.Z);
                await machine.FireAsync(Trigger.Y);
            });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => machine.FireAsync(Trigger.X));
        await machine.FireAsync(Trigger.Y);

        Assert.Equal(
            "No valid leaving transitions are permitted from state 'B' for trigger 'Z'. Consider ignoring the trigger.",
            exception.Message);
        Assert.Equal(State.C, machine.State);
    }

    private Func<StateMachine<State, Trigger>.Transition, Task> Log(string entry) => _ =>
    {
        _log.Add(entry);
        return Task.CompletedTask;
    };
}
