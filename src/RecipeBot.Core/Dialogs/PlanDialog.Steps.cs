using RecipeBot.Core.Engine;
using RecipeBot.Core.Plans;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Dialogs;

/// <summary>The plan's buttons and the answers to its questions, through <see cref="PlanMachine"/>.</summary>
public sealed partial class PlanDialog
{
    /// <summary>A text answering the question the last reply asked; null when none was asked or the text is meant for something else.</summary>
    public async ValueTask<OutgoingMessage?> ContinueAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var asked = conversation.Offered.Select(id => PlanButton.TryParse(id, out var b) ? b : default).FirstOrDefault(b => b.Step is not null);
        var text = turn.Text;
        if (asked.Step is not { } step || ButtonIds.Collision(text.Trim()) is not null || _replies.Flow[conversation.State].Match(text, byNumber: false) is not null)
        {
            return null;
        }

        var plan = await _plans.Store.GetAsync(conversation.Id, turn.CancellationToken).ConfigureAwait(false);
        if (!await MayChangeAsync(turn, plan).ConfigureAwait(false))
        {
            // Someone else talking in the group: not an answer.
            return null;
        }

        if (step == PlanStep.Title)
        {
            return await AddAsync(turn, text).ConfigureAwait(false);
        }

        if (plan?.Find(asked.CommitmentId) is not { } commitment)
        {
            return null;
        }

        var language = conversation.Language;
        string? hint = null;
        switch (step)
        {
            case PlanStep.Problem:
                commitment.Problem = Clean(text, MaxField);
                break;
            case PlanStep.Action:
                commitment.Action = Clean(text, MaxField);
                break;
            case PlanStep.Lead:
                commitment.Lead = Clean(text, MaxTitle);
                break;
            case PlanStep.Partners:
                commitment.Partners.Clear();
                commitment.Partners.AddRange(Clean(text, MaxField).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20));
                break;
            case PlanStep.Milestones:
                hint = ReadMilestones(conversation, commitment, text);
                break;
            case PlanStep.Values:
                var values = PlanWords.ValuesIn(text);
                commitment.Values |= values;
                hint = values == Plans.OgpValues.None ? _messages.Text("plan-ask-values", language) : null;
                break;
            case PlanStep.Note when commitment.Progress.Count > 0:
                commitment.Progress[^1] = commitment.Progress[^1] with { Note = Clean(text, MaxField) };
                break;
        }

        if (hint is not null)
        {
            return await FireAsync(turn, plan, commitment.Id, step, PlanMachine.Trigger.Again, hint).ConfigureAwait(false);
        }

        await SaveAsync(conversation, plan, turn.CancellationToken).ConfigureAwait(false);
        return await FireAsync(turn, plan, commitment.Id, step, PlanMachine.Trigger.Answer, null).ConfigureAwait(false);
    }

    private async ValueTask<OutgoingMessage> PressAsync(DialogTurn turn, PlanButton button)
    {
        var conversation = turn.Conversation;
        var language = conversation.Language;
        var plan = await _plans.Store.GetAsync(conversation.Id, turn.CancellationToken).ConfigureAwait(false);
        switch (button.What)
        {
            case PlanButton.Kind.List:
                return List(conversation, plan, null);
            case PlanButton.Kind.Docx or PlanButton.Kind.Markdown:
                return await ExportAsync(turn, button.What == PlanButton.Kind.Markdown).ConfigureAwait(false);
            case PlanButton.Kind.Add:
                return await MayChangeAsync(turn, plan).ConfigureAwait(false)
                    ? await FireAsync(turn, plan, NewCommitment, PlanStep.Idle, PlanMachine.Trigger.Name, null).ConfigureAwait(false)
                    : List(conversation, plan, _messages.Text("plan-not-allowed", language));
            case PlanButton.Kind.Skip when button.Step == PlanStep.Title:
                return List(conversation, plan, null);
        }

        if (plan?.Find(button.CommitmentId) is not { } commitment)
        {
            return List(conversation, plan, _messages.Text("plan-not-found", language));
        }

        switch (button.What)
        {
            case PlanButton.Kind.Open:
                return Details(conversation, plan, commitment, null);
            case PlanButton.Kind.Progress:
                return Replies.Own(
                    conversation,
                    _messages.Say("plan-ask-level", language, ("title", PlanMessages.Short(commitment.Title)), ("level", _messages.Level(commitment.Level, language))),
                    [.. _messages.LevelChoices(commitment, language), new(PlanButton.List.Id, _messages.Text("plan-back", language))]);
        }

        if (!await MayChangeAsync(turn, plan).ConfigureAwait(false))
        {
            return Details(conversation, plan, commitment, _messages.Text("plan-not-allowed", language));
        }

        switch (button.What)
        {
            case PlanButton.Kind.Edit:
                return await FireAsync(turn, plan, commitment.Id, PlanStep.Idle, PlanMachine.Trigger.Edit, null).ConfigureAwait(false);
            case PlanButton.Kind.Skip when button.Step is { } skipped:
                return await FireAsync(turn, plan, commitment.Id, skipped, PlanMachine.Trigger.Skip, null).ConfigureAwait(false);
            case PlanButton.Kind.Value when PlanWords.ValueOf(button.Argument) is { } value:
                commitment.Values |= value;
                await SaveAsync(conversation, plan, turn.CancellationToken).ConfigureAwait(false);
                return await FireAsync(turn, plan, commitment.Id, PlanStep.Values, PlanMachine.Trigger.Again, null).ConfigureAwait(false);
            case PlanButton.Kind.Level when PlanWords.LevelOf(button.Argument) is { } level:
                commitment.Level = level;
                commitment.Progress.Add(new ProgressReport(_replies.Now, level, turn.Message.UserId));
                await SaveAsync(conversation, plan, turn.CancellationToken).ConfigureAwait(false);
                var saved = _messages.Say("plan-progress-saved", language, ("title", PlanMessages.Short(commitment.Title)), ("level", _messages.Level(level, language)));
                return await FireAsync(turn, plan, commitment.Id, PlanStep.Idle, PlanMachine.Trigger.Reported, saved).ConfigureAwait(false);
            case PlanButton.Kind.Share when commitment.Level == CompletionLevel.Complete:
                commitment.SharedAt ??= _replies.Now;
                await SaveAsync(conversation, plan, turn.CancellationToken).ConfigureAwait(false);
                return Details(conversation, plan, commitment, _messages.Text("plan-shared", language) + "\n\n" + Example(commitment, language));
            default:
                return Details(conversation, plan, commitment, null);
        }
    }

    /// <summary>Milestones, one a line or separated by ";": each needs a date. Null when all were read; otherwise the hint.</summary>
    private string? ReadMilestones(Conversations.Conversation conversation, Commitment commitment, string text)
    {
        var read = new List<Milestone>();
        foreach (var part in Clean(text, MaxField).Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxMilestones))
        {
            if (Deadlines.Find(part, conversation.Language, _replies.Flow.Languages, _replies.Today(conversation)) is not { } deadline)
            {
                return _messages.Say("plan-milestone-no-date", conversation.Language, ("text", PlanMessages.Short(part, 60)));
            }

            read.Add(new Milestone(Clean(deadline.Rest, MaxTitle), deadline.Date));
        }

        if (read.Count == 0)
        {
            return _messages.Say("plan-milestone-no-date", conversation.Language, ("text", PlanMessages.Short(text, 60)));
        }

        commitment.Milestones.Clear();
        commitment.Milestones.AddRange(read.OrderBy(m => m.Due));
        return null;
    }

    private async ValueTask<OutgoingMessage> FireAsync(DialogTurn turn, Plan? plan, string commitmentId, PlanStep from, PlanMachine.Trigger trigger, string? before)
    {
        var machine = _machines.Rent();
        (machine.Conversation, machine.Plan, machine.CommitmentId, machine.Step, machine.Before, machine.Reply) = (turn.Conversation, plan, commitmentId, from, before, null);
        try
        {
            await machine.Machine.FireAsync(trigger).ConfigureAwait(false);
            return machine.Reply ?? List(turn.Conversation, plan, before);
        }
        finally
        {
            (machine.Conversation, machine.Plan, machine.Reply) = (null, null, null);
            _machines.Return(machine);
        }
    }

    /// <summary>On entering a question: the question, with its skip button (the dialog's state) and, for values, a button each.</summary>
    private Task AskAsync(PlanMachine machine)
    {
        var conversation = machine.Conversation!;
        var language = conversation.Language;
        var title = machine.Plan?.Find(machine.CommitmentId)?.Title ?? string.Empty;
        var question = _messages.Say("plan-ask-" + machine.Step.ToString().ToLowerInvariant(), language, ("title", PlanMessages.Short(title)));
        var choices = new List<ChoiceView>();
        if (machine.Step == PlanStep.Values)
        {
            choices.AddRange(PlanWords.Values.Select(v => new ChoiceView(new PlanButton(PlanButton.Kind.Value, machine.CommitmentId, PlanWords.ValueCode(v)).Id, _messages.Values(v, language))));
        }

        var skip = PlanButton.Skip(machine.CommitmentId, machine.Step);
        choices.Add(new ChoiceView(skip.Id, LabelOf(conversation, skip.Id, 0)!));
        if (machine.Step == PlanStep.Note && machine.Plan?.Find(machine.CommitmentId) is { Level: CompletionLevel.Complete, SharedAt: null } complete)
        {
            question = _messages.Text("plan-complete-offer", language) + "\n\n" + question;
            choices.Add(new ChoiceView(new PlanButton(PlanButton.Kind.Share, complete.Id).Id, _messages.Text("plan-share", language)));
        }

        machine.Reply = Replies.Own(conversation, machine.Before is null ? question : machine.Before + "\n\n" + question, choices);
        return Task.CompletedTask;
    }

    /// <summary>On reaching Idle: the commitment as it now stands.</summary>
    private Task DoneAsync(PlanMachine machine)
    {
        var conversation = machine.Conversation!;
        machine.Reply = machine.Plan?.Find(machine.CommitmentId) is { } commitment
            ? Details(conversation, machine.Plan, commitment, machine.Before ?? _messages.Text("plan-saved", conversation.Language))
            : List(conversation, machine.Plan, machine.Before);
        return Task.CompletedTask;
    }
}
