using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;
using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// The steps of making a schedule as a configured Stateless machine over <see cref="ScheduleDraft.Step"/> of the
/// conversation it serves for one turn. What each step learns is kept on entering the next one.
/// </summary>
internal sealed class ScheduleMachine
{
    public const string Monthly = "monthly";
    public const string Quarterly = "quarterly";
    public const string Once = "once";

    public ScheduleMachine()
    {
        // Unbound (configuring, exporting the diagram), the machine stands at the first step.
        Machine = new StateMachine<DraftStep, Trigger>(() => Bound?.Step ?? DraftStep.Describe, step => Draft.Step = step, FiringMode.Immediate);
        FrequencyChosen = Machine.SetTriggerParameters<string>(Trigger.Frequency);
        WeekdayChosen = Machine.SetTriggerParameters<DayOfWeek>(Trigger.Weekday);
        WeekChosen = Machine.SetTriggerParameters<int>(Trigger.Week);
        DateChosen = Machine.SetTriggerParameters<DateOnly>(Trigger.Date);
        Proposed = Machine.SetTriggerParameters<MeetingSchedule>(Trigger.Proposed);
        ReadTwoWays = Machine.SetTriggerParameters<IReadOnlyList<DraftAlternative>>(Trigger.ReadTwoWays);
        Picked = Machine.SetTriggerParameters<int>(Trigger.Pick);

        foreach (var step in Enum.GetValues<DraftStep>())
        {
            // A whole schedule can be typed at any step; so can one read two ways, or one with no dates left.
            PermitOrReenter(step, Trigger.Proposed, DraftStep.Confirm);
            PermitOrReenter(step, Trigger.ReadTwoWays, DraftStep.Disambiguate);
            PermitOrReenter(step, Trigger.NoDates, DraftStep.Describe);
        }

        Machine.Configure(DraftStep.Describe)
            .OnEntryFrom(Trigger.Edit, KeepWhatStays, "keep the schedule as the base")
            .PermitDynamic(FrequencyChosen, frequency => frequency == Once ? DraftStep.Date : DraftStep.Weekday, "weekday, or date for one meeting");
        Machine.Configure(DraftStep.Weekday)
            .OnEntryFrom(FrequencyChosen, frequency => Draft.Frequency = frequency, "frequency")
            .PermitDynamic(WeekdayChosen, _ => Draft.Frequency is Monthly or Quarterly ? DraftStep.WeekOfMonth : DraftStep.Time, "week of the month when monthly");
        Machine.Configure(DraftStep.WeekOfMonth)
            .OnEntryFrom(WeekdayChosen, day => Draft.Weekday = day, "weekday")
            .Permit(Trigger.Week, DraftStep.Time);
        Machine.Configure(DraftStep.Date)
            .OnEntryFrom(FrequencyChosen, frequency => Draft.Frequency = frequency, "frequency")
            .Permit(Trigger.Date, DraftStep.Time);
        Machine.Configure(DraftStep.Time)
            .OnEntryFrom(WeekdayChosen, day => Draft.Weekday = day, "weekday")
            .OnEntryFrom(WeekChosen, week => Draft.WeekOfMonth = week, "week")
            .OnEntryFrom(DateChosen, date => Draft.Date = date, "date")
            .Permit(Trigger.PastDate, DraftStep.Date);
        Machine.Configure(DraftStep.Disambiguate)
            .OnEntryFrom(ReadTwoWays, KeepReadings, "the readings")
            .Permit(Trigger.Pick, DraftStep.Confirm);
        Machine.Configure(DraftStep.Confirm)
            .OnEntryFrom(Proposed, schedule => Draft.Proposed = schedule, "the schedule")
            .OnEntryFrom(Picked, PickAlternative, "the reading picked")
            .Permit(Trigger.Edit, DraftStep.Describe);
    }

    public enum Trigger
    {
        Frequency,
        Weekday,
        Week,
        Date,
        Proposed,
        ReadTwoWays,
        Pick,
        Edit,
        NoDates,
        PastDate,
    }

    public StateMachine<DraftStep, Trigger> Machine { get; }

    public StateMachine<DraftStep, Trigger>.TriggerWithParameters<string> FrequencyChosen { get; }

    public StateMachine<DraftStep, Trigger>.TriggerWithParameters<DayOfWeek> WeekdayChosen { get; }

    public StateMachine<DraftStep, Trigger>.TriggerWithParameters<int> WeekChosen { get; }

    public StateMachine<DraftStep, Trigger>.TriggerWithParameters<DateOnly> DateChosen { get; }

    public StateMachine<DraftStep, Trigger>.TriggerWithParameters<MeetingSchedule> Proposed { get; }

    public StateMachine<DraftStep, Trigger>.TriggerWithParameters<IReadOnlyList<DraftAlternative>> ReadTwoWays { get; }

    public StateMachine<DraftStep, Trigger>.TriggerWithParameters<int> Picked { get; }

    /// <summary>The draft of the turn this machine serves; null while it waits in the pool.</summary>
    public ScheduleDraft? Bound { get; set; }

    private ScheduleDraft Draft => Bound ?? throw new InvalidOperationException("The schedule machine is not bound to a draft.");

    private void PermitOrReenter(DraftStep step, Trigger trigger, DraftStep target)
    {
        if (step == target)
        {
            Machine.Configure(step).PermitReentry(trigger);
        }
        else
        {
            Machine.Configure(step).Permit(trigger, target);
        }
    }

    /// <summary>"Change it": the proposal becomes the base, so a typed new time keeps its weekday and frequency.</summary>
    private void KeepWhatStays()
    {
        Draft.Base = Draft.Proposed ?? Draft.Base;
        Draft.Proposed = null;
        Draft.Alternatives.Clear();
        Draft.Frequency = null;
        Draft.Weekday = null;
        Draft.WeekOfMonth = null;
        Draft.Date = null;
    }

    private void KeepReadings(IReadOnlyList<DraftAlternative> alternatives)
    {
        Draft.Alternatives.Clear();
        Draft.Alternatives.AddRange(alternatives);
    }

    private void PickAlternative(int index)
    {
        Draft.Proposed = Draft.Alternatives[index].Schedule;
        Draft.Alternatives.Clear();
    }
}
