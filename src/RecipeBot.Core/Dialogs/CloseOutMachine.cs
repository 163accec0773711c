using RecipeBot.Core.CloseOuts;
using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// A meeting's close-out as a configured Stateless machine over <see cref="MeetingCloseOut.Step"/> of the close-out it
/// serves for one turn: one short question at a time, each answered or skipped. What a step learns is kept on entering
/// the next one; entering <see cref="CloseOutStep.Closed"/> marks the meeting closed.
/// </summary>
internal sealed class CloseOutMachine
{
    public CloseOutMachine()
    {
        // Unbound (configuring, exporting the diagram), the machine stands at the first question.
        Machine = new StateMachine<CloseOutStep, Trigger>(() => Bound?.Step ?? CloseOutStep.Minutes, step => Bound = Bound! with { Step = step }, FiringMode.Immediate);
        var minutes = Machine.SetTriggerParameters<string>(Trigger.MinutesLink);
        var attendees = Machine.SetTriggerParameters<int>(Trigger.Attendees);
        var organisations = Machine.SetTriggerParameters<IReadOnlyList<string>>(Trigger.Organisations);
        var decisions = Machine.SetTriggerParameters<IReadOnlyList<CloseOutDecision>>(Trigger.Decisions);

        Machine.Configure(CloseOutStep.Minutes)
            .Permit(Trigger.MinutesLink, CloseOutStep.Attendees)
            .Permit(Trigger.Skip, CloseOutStep.Attendees);
        Machine.Configure(CloseOutStep.Attendees)
            .OnEntryFrom(minutes, link => Bound = Bound! with { MinutesLink = link }, "the minutes link")
            .Permit(Trigger.Attendees, CloseOutStep.Organisations)
            .Permit(Trigger.Skip, CloseOutStep.Organisations);
        Machine.Configure(CloseOutStep.Organisations)
            .OnEntryFrom(attendees, count => Bound = Bound! with { Attendees = count }, "the number of attendees")
            .Permit(Trigger.Organisations, CloseOutStep.Decisions)
            .Permit(Trigger.Skip, CloseOutStep.Decisions);
        Machine.Configure(CloseOutStep.Decisions)
            .OnEntryFrom(organisations, names => Bound = Bound! with { Organisations = names }, "the organisations")
            .Permit(Trigger.Decisions, CloseOutStep.Closed)
            .Permit(Trigger.Skip, CloseOutStep.Closed);
        Machine.Configure(CloseOutStep.Closed)
            .OnEntryFrom(decisions, made => Bound = Bound! with { Decisions = made }, "the decisions")
            .OnEntry(() => Bound = Bound! with { ClosedAt = Now }, "mark the meeting closed");
        MinutesGiven = minutes;
        AttendeesGiven = attendees;
        OrganisationsGiven = organisations;
        DecisionsGiven = decisions;
    }

    public enum Trigger
    {
        MinutesLink,
        Attendees,
        Organisations,
        Decisions,
        Skip,
    }

    public StateMachine<CloseOutStep, Trigger> Machine { get; }

    public StateMachine<CloseOutStep, Trigger>.TriggerWithParameters<string> MinutesGiven { get; }

    public StateMachine<CloseOutStep, Trigger>.TriggerWithParameters<int> AttendeesGiven { get; }

    public StateMachine<CloseOutStep, Trigger>.TriggerWithParameters<IReadOnlyList<string>> OrganisationsGiven { get; }

    public StateMachine<CloseOutStep, Trigger>.TriggerWithParameters<IReadOnlyList<CloseOutDecision>> DecisionsGiven { get; }

    /// <summary>The close-out of this turn; the machine replaces it with each change.</summary>
    public MeetingCloseOut? Bound { get; set; }

    public DateTimeOffset Now { get; set; }
}
