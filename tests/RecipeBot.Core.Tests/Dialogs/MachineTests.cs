using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Tests.Dialogs;

/// <summary>The dialogs' configured Stateless machines, one rule at a time, bound to a draft, a meeting or a step.</summary>
public sealed class MachineTests
{
    private static readonly MeetingSchedule Mondays = new("FREQ=WEEKLY;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(2026, 11, 23));

    [Theory]
    [InlineData("weekly", DraftStep.Weekday)]
    [InlineData("monthly", DraftStep.Weekday)]
    [InlineData("once", DraftStep.Date)]
    public async Task Schedule_AFrequency_LeadsToTheWeekday_OrForOneMeetingToTheDate(string frequency, DraftStep expected)
    {
        var draft = new ScheduleDraft();
        var machine = new ScheduleMachine { Bound = draft };

        await machine.Machine.FireAsync(machine.FrequencyChosen, frequency);

        Assert.Equal((expected, frequency), (draft.Step, draft.Frequency));
    }

    [Theory]
    [InlineData("monthly", DraftStep.WeekOfMonth)]
    [InlineData("weekly", DraftStep.Time)]
    public async Task Schedule_AWeekday_AsksTheWeekOnlyWhenMonthly(string frequency, DraftStep expected)
    {
        var draft = new ScheduleDraft { Step = DraftStep.Weekday, Frequency = frequency };
        var machine = new ScheduleMachine { Bound = draft };

        await machine.Machine.FireAsync(machine.WeekdayChosen, DayOfWeek.Tuesday);

        Assert.Equal((expected, DayOfWeek.Tuesday), (draft.Step, draft.Weekday));
    }

    [Fact]
    public async Task Schedule_ChangeIt_KeepsTheProposalAsTheBase_AndForgetsTheGuidedAnswers()
    {
        var draft = new ScheduleDraft { Step = DraftStep.Time, Frequency = "weekly", Weekday = DayOfWeek.Monday };
        var machine = new ScheduleMachine { Bound = draft };
        await machine.Machine.FireAsync(machine.Proposed, Mondays);

        await machine.Machine.FireAsync(ScheduleMachine.Trigger.Edit);

        Assert.Equal(DraftStep.Describe, draft.Step);
        Assert.Equal(Mondays, draft.Base);
        Assert.Null(draft.Proposed);
        Assert.Null(draft.Frequency);
    }

    [Fact]
    public async Task Schedule_PickingAReading_ProposesIt()
    {
        var draft = new ScheduleDraft();
        var machine = new ScheduleMachine { Bound = draft };
        IReadOnlyList<DraftAlternative> readings = [new("a", Mondays), new("b", Mondays with { StartTime = new TimeOnly(22, 0) })];
        await machine.Machine.FireAsync(machine.ReadTwoWays, readings);

        await machine.Machine.FireAsync(machine.Picked, 1);

        Assert.Equal((DraftStep.Confirm, new TimeOnly(22, 0)), (draft.Step, draft.Proposed!.StartTime));
        Assert.Empty(draft.Alternatives);
    }

    [Fact]
    public void Schedule_OnlyTheConfirmationCanBeChanged()
    {
        var machine = new ScheduleMachine { Bound = new ScheduleDraft { Step = DraftStep.Weekday } };

        Assert.False(machine.Machine.CanFire(ScheduleMachine.Trigger.Edit));
        Assert.False(machine.Machine.CanFire(ScheduleMachine.Trigger.Frequency));
    }

    [Theory]
    [InlineData(MeetingStatus.Active, "Pause", MeetingStatus.Paused)]
    [InlineData(MeetingStatus.Paused, "Resume", MeetingStatus.Active)]
    [InlineData(MeetingStatus.Paused, "Cancel", MeetingStatus.Cancelled)]
    [InlineData(MeetingStatus.Active, "Resume", MeetingStatus.Active)]
    public async Task Meeting_EnteringAStatus_SavesTheMeetingInIt(MeetingStatus from, string trigger, MeetingStatus to)
    {
        var saved = new List<Meeting>();
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var machine = new MeetingMachine(m => { saved.Add(m.Meeting); return Task.CompletedTask; })
        {
            Bound = new Meeting("k3x9abcdef", "test:1", null, Mondays, from, "en", now.AddDays(-1), now.AddDays(-1)),
            Now = now,
        };

        await machine.Machine.FireAsync(Enum.Parse<MeetingMachine.Trigger>(trigger));

        var meeting = Assert.Single(saved);
        Assert.Equal((to, now), (meeting.Status, meeting.UpdatedAt));
    }

    [Fact]
    public async Task Meeting_ACancelledOne_TakesNothingMore()
    {
        var machine = new MeetingMachine(_ => Task.CompletedTask)
        {
            Bound = new Meeting("k3x9abcdef", "test:1", null, Mondays, MeetingStatus.Cancelled, "en", default, default),
        };

        Assert.Empty(await machine.Machine.GetPermittedTriggersAsync());
    }

    [Fact]
    public async Task NextStep_TryingAgain_ForgetsTheOldStepAndSavesTheNewOne_InThatOrder()
    {
        var calls = new List<string>();
        var machine = new NextStepMachine(
            m => { calls.Add("save " + m.Made!.DueAt.Day); return Task.CompletedTask; },
            m => { calls.Add("forget " + m.Stored!.DueAt.Day); return Task.CompletedTask; })
        {
            Current = NextStepMachine.State.Waiting,
            Stored = new NextStep("test:1", "contact/no-partners", new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), "en"),
            Made = new NextStep("test:1", "contact/no-partners", new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero), "en"),
        };

        await machine.Machine.FireAsync(NextStepMachine.Trigger.Try);

        Assert.Equal(["forget 29", "save 6"], calls);
    }

    [Fact]
    public async Task NextStep_DoneWithoutAStoredStep_ChangesNothing()
    {
        var calls = 0;
        var machine = new NextStepMachine(_ => Task.FromResult(calls++), _ => Task.FromResult(calls++));

        await machine.Machine.FireAsync(NextStepMachine.Trigger.Done);

        Assert.Equal((NextStepMachine.State.Idle, 0), (machine.Current, calls));
    }

    [Fact]
    public void APool_ConfiguresAMachineOnlyWhenEveryKeptOneIsInUse()
    {
        var configured = 0;
        var pool = new MachinePool<object>(() => { configured++; return new object(); });

        for (var i = 0; i < 100; i++)
        {
            pool.Return(pool.Rent());
        }

        var first = pool.Rent();
        var second = pool.Rent();

        Assert.NotSame(first, second);
        Assert.Equal(2, configured);
    }
}
