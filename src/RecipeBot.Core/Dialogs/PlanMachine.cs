using Stateless;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// The questions about one commitment as a configured Stateless machine over <see cref="PlanStep"/>: title (when added
/// by button), problem, what will be done, lead, partners, milestones, values; a progress answer asks for a note. An
/// answer or a skip moves on; entering a step asks its question, reaching <see cref="PlanStep.Idle"/> shows the commitment.
/// </summary>
internal sealed class PlanMachine
{
    private static readonly PlanStep[] Questions =
        [PlanStep.Title, PlanStep.Problem, PlanStep.Action, PlanStep.Lead, PlanStep.Partners, PlanStep.Milestones, PlanStep.Values];

    public PlanMachine(Func<PlanMachine, Task> ask, Func<PlanMachine, Task> done)
    {
        Machine = new StateMachine<PlanStep, Trigger>(() => Step, step => Step = step, FiringMode.Immediate);
        Machine.Configure(PlanStep.Idle)
            .OnEntryAsync(() => done(this), "show the commitment")
            .Permit(Trigger.Add, PlanStep.Problem)
            .Permit(Trigger.Name, PlanStep.Title)
            .Permit(Trigger.Edit, PlanStep.Problem)
            .Permit(Trigger.Reported, PlanStep.Note);
        for (var i = 0; i < Questions.Length; i++)
        {
            var next = i + 1 < Questions.Length ? Questions[i + 1] : PlanStep.Idle;
            Machine.Configure(Questions[i])
                .OnEntryAsync(() => ask(this), "ask")
                .Permit(Trigger.Answer, next)
                .Permit(Trigger.Skip, next)
                .PermitReentry(Trigger.Again);
        }

        Machine.Configure(PlanStep.Note)
            .OnEntryAsync(() => ask(this), "ask for a note")
            .Permit(Trigger.Answer, PlanStep.Idle)
            .Permit(Trigger.Skip, PlanStep.Idle);
    }

    public enum Trigger
    {
        /// <summary>A commitment added with its title: the questions start.</summary>
        Add,

        /// <summary>"Add" pressed: the title is asked first.</summary>
        Name,

        Edit,

        /// <summary>A completion level pressed: a note may follow.</summary>
        Reported,

        Answer,
        Skip,

        /// <summary>The answer could not be read (a milestone without a date): the question again, with a hint.</summary>
        Again,
    }

    public StateMachine<PlanStep, Trigger> Machine { get; }

    public PlanStep Step { get; set; }

    /// <summary>The conversation of the turn this machine serves; null while it waits in the pool.</summary>
    public Conversations.Conversation? Conversation { get; set; }

    public Plans.Plan? Plan { get; set; }

    /// <summary>The turn's commitment id; empty while the title is asked.</summary>
    public string CommitmentId { get; set; } = string.Empty;

    /// <summary>Said before the next question or the commitment (a hint, "saved").</summary>
    public string? Before { get; set; }

    /// <summary>What entering a step produced: its question, or the commitment.</summary>
    public Engine.OutgoingMessage? Reply { get; set; }
}
