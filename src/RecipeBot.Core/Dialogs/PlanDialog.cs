using System.Globalization;
using System.Text.RegularExpressions;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Plans;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// The conversation's action plan: <c>/plan</c> lists the commitments, <c>/plan add …</c> (or "lisa kavasse: …") adds one and
/// asks about it one skippable question at a time (<see cref="PlanMachine"/>), <c>/plan export</c> sends it as .docx or
/// Markdown, and the check-ins' level buttons record progress. In a group only the coordinator changes the plan.
/// </summary>
public sealed partial class PlanDialog
{
    /// <summary>The placeholder commitment id of the title question, before the commitment exists.</summary>
    internal const string NewCommitment = "new";

    public const int MaxCommitments = 30;
    public const int MaxMilestones = 12;
    public const int MaxTitle = 200;
    public const int MaxField = 1000;

    private static readonly Regex AddToPlan = new(
        @"^\s*(?:(?:palun\s+)?lisa(?:ge)?\s+(?:tegevus)?kavasse|add\s+(?:this\s+)?to\s+(?:the\s+|our\s+)?(?:action\s+)?plan|добав(?:ь|ьте)\s+в\s+план(?:\s+действий)?)\s*[:\-–—]?\s*(?<title>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline,
        TimeSpan.FromMilliseconds(200));

    private readonly Replies _replies;
    private readonly PlanServices _plans;
    private readonly MeetingServices _meetings;
    private readonly PlanMessages _messages;
    private readonly MachinePool<PlanMachine> _machines;

    public PlanDialog(Replies replies, PlanServices plans, MeetingServices meetings)
    {
        _replies = replies;
        _plans = plans;
        _meetings = meetings;
        _messages = new PlanMessages(replies.Flow);
        _machines = new MachinePool<PlanMachine>(() => new PlanMachine(AskAsync, DoneAsync));
    }

    /// <summary>The machine's diagram, for <c>graph</c> and the README.</summary>
    public static Stateless.Reflection.StateMachineInfo Info() => new PlanMachine(_ => Task.CompletedTask, _ => Task.CompletedTask).Machine.GetInfo();

    /// <summary><c>/plan</c>, <c>/plan add …</c>, <c>/plan export [md]</c>, <c>/plan 2</c>.</summary>
    public async ValueTask<OutgoingMessage> CommandAsync(DialogTurn turn, string argument)
    {
        var space = argument.IndexOf(' ', StringComparison.Ordinal);
        var verb = (space < 0 ? argument : argument[..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : argument[(space + 1)..].Trim();
        switch (verb)
        {
            case "add" or "lisa" or "добавить":
                return rest.Length == 0
                    ? await PressAsync(turn, new PlanButton(PlanButton.Kind.Add)).ConfigureAwait(false)
                    : await AddAsync(turn, rest).ConfigureAwait(false);
            case "export" or "eksport" or "экспорт":
                return await ExportAsync(turn, rest.ToLowerInvariant() is "md" or "markdown").ConfigureAwait(false);
        }

        var plan = await _plans.Store.GetAsync(turn.Conversation.Id, turn.CancellationToken).ConfigureAwait(false);
        if (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && plan is not null && n >= 1 && n <= plan.Commitments.Count)
        {
            return Details(turn.Conversation, plan, plan.Commitments[n - 1], null);
        }

        return List(turn.Conversation, plan, null);
    }

    /// <summary>"lisa kavasse: …", "add to the plan: …", "добавь в план: …"; null for any other text.</summary>
    public async ValueTask<OutgoingMessage?> FreeTextAsync(DialogTurn turn)
    {
        if (turn.Text.Length > MaxField || AddToPlan.Match(turn.Text) is not { Success: true } match)
        {
            return null;
        }

        return await AddAsync(turn, match.Groups["title"].Value).ConfigureAwait(false);
    }

    /// <summary>A button of the plan, pressed now or days later (a check-in's level); null when the text is none.</summary>
    public async ValueTask<OutgoingMessage?> PressAsync(DialogTurn turn) =>
        PlanButton.TryParse(turn.Text.Trim(), out var button) ? await PressAsync(turn, button).ConfigureAwait(false) : null;

    /// <summary>The label of a plan button the last reply offered at <paramref name="position"/>, so that typing it presses it.</summary>
    public string? LabelOf(Conversation conversation, string id, int position)
    {
        if (!PlanButton.TryParse(id, out var button))
        {
            return null;
        }

        var language = conversation.Language;
        return button.What switch
        {
            PlanButton.Kind.Open => _messages.Say("plan-open", language, ("n", (position + 1).ToString(CultureInfo.InvariantCulture))),
            PlanButton.Kind.Level => PlanWords.LevelOf(button.Argument) is { } level ? _messages.Level(level, language) : null,
            PlanButton.Kind.Value => PlanWords.ValueOf(button.Argument) is { } value ? _messages.Values(value, language) : null,
            PlanButton.Kind.Skip => _messages.Text(button.Step == PlanStep.Values ? "plan-values-done" : "plan-skip", language),
            PlanButton.Kind.List => _messages.Text("plan-back", language),
            PlanButton.Kind.Docx => _messages.Text("plan-export-docx", language),
            PlanButton.Kind.Markdown => _messages.Text("plan-export-md", language),
            var what => _messages.Text("plan-" + what.ToString().ToLowerInvariant(), language),
        };
    }

    /// <summary>In a group, the plan's creator, a group admin or a configured coordinator; anyone when there is no plan yet.</summary>
    private ValueTask<bool> MayChangeAsync(DialogTurn turn, Plan? plan) =>
        plan is null ? ValueTask.FromResult(true) : MeetingsDialog.MayChangeAsync(_meetings, turn, plan.CreatedBy);

    private async ValueTask<OutgoingMessage> AddAsync(DialogTurn turn, string title)
    {
        var conversation = turn.Conversation;
        var plan = await _plans.Store.GetAsync(conversation.Id, turn.CancellationToken).ConfigureAwait(false);
        if (!await MayChangeAsync(turn, plan).ConfigureAwait(false))
        {
            return List(conversation, plan, _messages.Text("plan-not-allowed", conversation.Language));
        }

        plan ??= new Plan { ConversationId = conversation.Id, CreatedBy = turn.Message.UserId, CreatedAt = _replies.Now };
        if (plan.Commitments.Count >= MaxCommitments)
        {
            return List(conversation, plan, _messages.Say("plan-too-many", conversation.Language, ("max", MaxCommitments.ToString(CultureInfo.InvariantCulture))));
        }

        var commitment = new Commitment
        {
            Id = Commitment.NewId(),
            Title = Clean(title, MaxTitle),
            CreatedBy = turn.Message.UserId,
            CreatedAt = _replies.Now,
        };
        plan.Commitments.Add(commitment);
        await SaveAsync(conversation, plan, turn.CancellationToken).ConfigureAwait(false);
        return await FireAsync(turn, plan, commitment.Id, PlanStep.Idle, PlanMachine.Trigger.Add, _messages.Say("plan-added", conversation.Language, ("title", PlanMessages.Short(commitment.Title))))
            .ConfigureAwait(false);
    }

    private async ValueTask SaveAsync(Conversation conversation, Plan plan, CancellationToken cancellationToken)
    {
        plan.Language = conversation.Language;
        plan.TimeZone = Replies.ZoneOf(conversation);
        plan.UpdatedAt = _replies.Now;
        await _plans.Store.SaveAsync(plan, cancellationToken).ConfigureAwait(false);
        await _plans.Scheduler.PlanChangedAsync(plan, removed: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Typed text as a field keeps: trimmed, at most <paramref name="max"/> characters, never a broken surrogate pair at the end.</summary>
    internal static string Clean(string text, int max)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        var cut = char.IsHighSurrogate(trimmed[max - 1]) ? max - 1 : max;
        return trimmed[..cut].TrimEnd();
    }
}
