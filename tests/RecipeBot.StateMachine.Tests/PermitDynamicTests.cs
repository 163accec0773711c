namespace RecipeBot.StateMachine.Tests;

public class PermitDynamicTests
{
    [Fact]
    public async Task DestinationIsComputedAtFireTime()
    {
        var target = State.B;
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A).PermitDynamic(Trigger.X, () => target);
        target = State.C;

        await machine.FireAsync(Trigger.X);

        Assert.Equal(State.C, machine.State);
    }

    [Fact]
    public async Task DestinationEqualToSource_BehavesAsReentry()
    {
        var log = new List<string>();
        var machine = new StateMachine<State, Trigger>(State.A);
        machine.Configure(State.A)
            .PermitDynamic(Trigger.X, () => State.A)
            .OnExit(_ =>
            {
                log.Add("exit A");
                return Task.CompletedTask;
            })
            .OnEntry(_ => log.Add("enter A"));
        machine.OnTransitioned(t =>
        {
            log.Add($"transitioned reentry={t.IsReentry}");
            return Task.CompletedTask;
        });

        await machine.FireAsync(Trigger.X);

        Assert.Equal(["exit A", "transitioned reentry=True", "enter A"], log);
    }

    [Fact]
    public async Task ParameterisedSelector_ChoosesFromTheArgument()
    {
        var machine = new StateMachine<State, Trigger>(State.A);
        var to = machine.SetTriggerParameters<State>(Trigger.X);
        machine.Configure(State.A).PermitDynamic(to, destination => destination);

        await machine.FireAsync(to, State.D);

        Assert.Equal(State.D, machine.State);
    }
}
