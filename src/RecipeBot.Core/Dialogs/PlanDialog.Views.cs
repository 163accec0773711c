using System.Globalization;
using System.Text;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Plans;

namespace RecipeBot.Core.Dialogs;

/// <summary>What the plan shows: the list, one commitment, a good example, and the exports.</summary>
public sealed partial class PlanDialog
{
    /// <summary>How many commitments the list shows; the export has them all.</summary>
    public const int ListMax = 8;

    private OutgoingMessage List(Conversation conversation, Plan? plan, string? before)
    {
        var language = conversation.Language;
        var text = new StringBuilder(before is null ? string.Empty : before + "\n\n");
        var add = new ChoiceView(new PlanButton(PlanButton.Kind.Add).Id, _messages.Text("plan-add", language));
        if (plan is null || plan.Commitments.Count == 0)
        {
            return Replies.Own(conversation, text.Append(_messages.Text("plan-none", language)).ToString(), [add]);
        }

        var today = _replies.Today(conversation);
        text.Append(_messages.Say("plan-list", language, ("count", plan.Commitments.Count.ToString(CultureInfo.InvariantCulture))));
        var choices = new List<ChoiceView>();
        foreach (var (commitment, i) in plan.Commitments.Take(ListMax).Select((c, i) => (c, i)))
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            text.Append('\n').Append(_messages.Say(
                "plan-item",
                language,
                ("n", number),
                ("title", PlanMessages.Short(commitment.Title, 60)),
                ("level", _messages.Level(commitment.Level, language)),
                ("lead", PlanMessages.Short(commitment.Lead ?? _messages.Text("plan-empty", language), 40)),
                ("next", NextMilestone(commitment, today, language)),
                ("overdue", Overdue(commitment, today, language))));
            choices.Add(new ChoiceView(new PlanButton(PlanButton.Kind.Open, commitment.Id).Id, _messages.Say("plan-open", language, ("n", number))));
        }

        if (plan.Commitments.Count > ListMax)
        {
            text.Append('\n').Append(_messages.Say("plan-item-more", language, ("count", (plan.Commitments.Count - ListMax).ToString(CultureInfo.InvariantCulture))));
        }

        choices.Add(add);
        choices.Add(new ChoiceView(new PlanButton(PlanButton.Kind.Docx).Id, _messages.Text("plan-export-docx", language)));
        choices.Add(new ChoiceView(new PlanButton(PlanButton.Kind.Markdown).Id, _messages.Text("plan-export-md", language)));
        return Replies.Own(conversation, text.ToString(), choices);
    }

    private OutgoingMessage Details(Conversation conversation, Plan plan, Commitment commitment, string? before)
    {
        var language = conversation.Language;
        var today = _replies.Today(conversation);
        var milestones = commitment.Milestones.Count == 0
            ? _messages.Text("plan-empty", language)
            : string.Join("\n", commitment.Milestones.OrderBy(m => m.Due).Take(5).Select(m =>
                "• " + PlanMessages.Short(_messages.Milestone(m, language), 70) + (m.Due < today && commitment.Level != CompletionLevel.Complete ? " ⚠" : string.Empty)));
        var history = commitment.Progress.Count == 0
            ? _messages.Text("plan-empty", language)
            : string.Join("\n", commitment.Progress.TakeLast(3).Select(p => "• " + PlanMessages.Short(_messages.History(p, language), 90)));
        var text = _messages.Say(
            "plan-details",
            language,
            ("title", PlanMessages.Short(commitment.Title, 100)),
            ("level", _messages.Level(commitment.Level, language)),
            ("problem", PlanMessages.Short(_messages.Field(commitment, "problem", language), 150)),
            ("action", PlanMessages.Short(_messages.Field(commitment, "action", language), 150)),
            ("lead", PlanMessages.Short(_messages.Field(commitment, "lead", language), 60)),
            ("partners", PlanMessages.Short(_messages.Field(commitment, "partners", language), 100)),
            ("milestones", milestones),
            ("values", _messages.Values(commitment.Values, language)),
            ("overdue", Overdue(commitment, today, language)),
            ("history", history));
        List<ChoiceView> choices =
        [
            new(new PlanButton(PlanButton.Kind.Progress, commitment.Id).Id, _messages.Text("plan-progress", language)),
            new(new PlanButton(PlanButton.Kind.Edit, commitment.Id).Id, _messages.Text("plan-edit", language)),
        ];
        if (commitment.Level == CompletionLevel.Complete && commitment.SharedAt is null)
        {
            choices.Add(new(new PlanButton(PlanButton.Kind.Share, commitment.Id).Id, _messages.Text("plan-share", language)));
        }

        choices.Add(new(PlanButton.List.Id, _messages.Text("plan-back", language)));
        return Replies.Own(conversation, before is null ? text : before + "\n\n" + text, choices);
    }

    /// <summary>A complete commitment told briefly, to forward to other municipalities.</summary>
    private string Example(Commitment commitment, string language) =>
        _messages.Say(
            "plan-example",
            language,
            ("title", PlanMessages.Short(commitment.Title, 100)),
            ("problem", PlanMessages.Short(_messages.Field(commitment, "problem", language), 200)),
            ("action", PlanMessages.Short(_messages.Field(commitment, "action", language), 200)),
            ("lead", PlanMessages.Short(_messages.Field(commitment, "lead", language), 60)),
            ("partners", PlanMessages.Short(_messages.Field(commitment, "partners", language), 100)));

    private string NextMilestone(Commitment commitment, DateOnly today, string language) =>
        commitment.NextMilestone(today) is { } next
            ? PlanMessages.Short(_messages.Milestone(next, language), 60)
            : _messages.Text("plan-no-milestone", language);

    private string Overdue(Commitment commitment, DateOnly today, string language)
    {
        var overdue = commitment.Overdue(today).Count();
        return overdue == 0 ? string.Empty : _messages.Say("plan-overdue", language, ("count", overdue.ToString(CultureInfo.InvariantCulture)));
    }

    private async ValueTask<OutgoingMessage> ExportAsync(DialogTurn turn, bool markdown)
    {
        var conversation = turn.Conversation;
        var plan = await _plans.Store.GetAsync(conversation.Id, turn.CancellationToken).ConfigureAwait(false);
        if (plan is null || plan.Commitments.Count == 0)
        {
            return List(conversation, plan, null);
        }

        var language = conversation.Language;
        var date = _replies.Today(conversation).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var attachment = markdown
            ? new MessageAttachment($"action-plan-{date}.md", "text/markdown", Encoding.UTF8.GetBytes(PlanMarkdown.Write(plan, _messages, language)))
            : new MessageAttachment(
                $"action-plan-{date}.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                PlanDocument.Write(plan, _messages, language));
        return List(conversation, plan, _messages.Say("plan-export-caption", language, ("file", attachment.FileName))) with { Attachment = attachment };
    }
}
