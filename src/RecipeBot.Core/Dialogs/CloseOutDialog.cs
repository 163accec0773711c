using System.Globalization;
using System.Text.RegularExpressions;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// Closing a meeting after it took place: the minutes link, the number of attendees, the organisations represented and
/// the decisions, one short question at a time, each skippable. Starts from the close button under the bot's question
/// (or the old "minutes published" button); only the message right after a question, from whoever is closing, is
/// taken as its answer, so a close-out never swallows anything else. Saved after every answer.
/// </summary>
public sealed partial class CloseOutDialog
{
    public const int MaxLinkLength = 500;
    public const int MaxItemLength = 300;
    public const int MaxItems = 30;

    private readonly Replies _replies;
    private readonly MeetingServices _meetings;
    private readonly MeetingMessages _messages;
    private readonly ICloseOutStore _store;
    private readonly Plans.IPlanStore? _plans;
    private readonly MachinePool<CloseOutMachine> _machines = new(() => new CloseOutMachine());

    /// <param name="plans">The action plans, so that a decision naming a commitment is linked to it.</param>
    public CloseOutDialog(Replies replies, MeetingServices meetings, MeetingMessages messages, ICloseOutStore store, Plans.IPlanStore? plans = null)
    {
        _replies = replies;
        _meetings = meetings;
        _messages = messages;
        _store = store;
        _plans = plans;
    }

    /// <summary>The machine's diagram (the <c>graph</c> command, the README).</summary>
    internal static Stateless.StateMachine<CloseOutStep, CloseOutMachine.Trigger> Diagram() => new CloseOutMachine().Machine;

    /// <summary>A close or skip button, pressed now or days later; null when the text is none.</summary>
    public async ValueTask<OutgoingMessage?> PressAsync(DialogTurn turn)
    {
        if (!CloseOutButton.TryParse(turn.Text.Trim(), out var button))
        {
            return null;
        }

        var (meeting, refusal) = await MeetingAsync(turn, button).ConfigureAwait(false);
        if (meeting is null)
        {
            return refusal;
        }

        var conversation = turn.Conversation;
        var closeOut = await _store.GetAsync(meeting.Id, button.Occurrence, turn.CancellationToken).ConfigureAwait(false);
        if (closeOut is { IsClosed: true })
        {
            return _replies.Prompt(conversation, _replies.Say(conversation, "close-already", ("title", _messages.Title(meeting)), ("when", When(conversation, meeting, closeOut.Occurrence))));
        }

        if (closeOut is null)
        {
            closeOut = MeetingCloseOut.Begin(meeting.Id, button.Occurrence, conversation.Id, turn.Message.UserId, _replies.Now);
            await _store.SaveAsync(closeOut, turn.CancellationToken).ConfigureAwait(false);
        }

        return button.Skip
            ? await FireAsync(turn, meeting, closeOut, m => m.Machine.FireAsync(CloseOutMachine.Trigger.Skip)).ConfigureAwait(false)
            : Ask(conversation, meeting, closeOut, null);
    }

    /// <summary>The answer to the question the last reply asked; null when it asked none, or somebody else writes.</summary>
    public async ValueTask<OutgoingMessage?> AnswerAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var asked = conversation.Offered.FirstOrDefault(CloseOutButton.IsSkip);
        if (asked is null || !CloseOutButton.TryParse(asked, out var button))
        {
            return null;
        }

        var closeOut = await _store.GetAsync(button.MeetingId, button.Occurrence, turn.CancellationToken).ConfigureAwait(false);
        var meeting = await _meetings.Store.GetAsync(button.MeetingId, turn.CancellationToken).ConfigureAwait(false);
        if (closeOut is not { IsClosed: false } || meeting is null || closeOut.ClosedBy != turn.Message.UserId)
        {
            return null;
        }

        var text = turn.Text.Trim();
        return closeOut.Step switch
        {
            CloseOutStep.Minutes => await FireAsync(turn, meeting, closeOut, m => m.Machine.FireAsync(m.MinutesGiven, Cut(text, MaxLinkLength))).ConfigureAwait(false),
            CloseOutStep.Attendees when Attendees(text) is { } count =>
                await FireAsync(turn, meeting, closeOut, m => m.Machine.FireAsync(m.AttendeesGiven, count)).ConfigureAwait(false),
            CloseOutStep.Attendees => Ask(conversation, meeting, closeOut, _replies.Say(conversation, "close-bad-attendees")),
            CloseOutStep.Organisations => await FireAsync(turn, meeting, closeOut, m => m.Machine.FireAsync(m.OrganisationsGiven, Items(text, OrganisationSeparators()))).ConfigureAwait(false),
            _ => await DecideAsync(turn, meeting, closeOut, text).ConfigureAwait(false),
        };
    }

    private async ValueTask<OutgoingMessage> DecideAsync(DialogTurn turn, Meeting meeting, MeetingCloseOut closeOut, string text)
    {
        var plan = _plans is null ? null : await _plans.GetAsync(turn.Conversation.Id, turn.CancellationToken).ConfigureAwait(false);
        var decisions = Link(Items(text, DecisionSeparators()), plan);
        return await FireAsync(turn, meeting, closeOut, m => m.Machine.FireAsync(m.DecisionsGiven, decisions)).ConfigureAwait(false);
    }

    /// <summary>
    /// Decisions, each linked to the commitment of <paramref name="plan"/> it names: by number as the plan lists them
    /// ("#2") or by its title anywhere in the decision (case and diacritics forgiven).
    /// </summary>
    public static IReadOnlyList<CloseOutDecision> Link(IReadOnlyList<string> decisions, Plans.Plan? plan)
    {
        var commitments = plan?.Commitments ?? [];
        var titles = commitments.Select(c => (c.Id, Title: Flow.TextNormalizer.Normalize(c.Title))).Where(c => c.Title.Length >= 3).ToList();
        return [.. decisions.Select(decision =>
        {
            var byNumber = CommitmentNumber().Match(decision);
            var folded = Flow.TextNormalizer.Normalize(decision);
            var id = byNumber.Success && int.TryParse(byNumber.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= commitments.Count
                ? commitments[n - 1].Id
                : titles.Find(c => folded.Contains(c.Title, StringComparison.Ordinal)).Id;
            return new CloseOutDecision(decision, id);
        })];
    }

    /// <summary>The label of a close-out button the last reply offered, so that typing it presses it.</summary>
    public string? LabelOf(Conversation conversation, string id) =>
        CloseOutButton.TryParse(id, out var button) ? _replies.Say(conversation, button.Skip ? "close-skip" : MeetingMessages.CloseLabelKey) : null;

    [GeneratedRegex(@"#(\d{1,3})\b")]
    private static partial Regex CommitmentNumber();

    /// <summary>A number of attendees in what was typed ("12", "12 inimest", "около 12"); null when there is none or it is too big.</summary>
    public static int? Attendees(string text)
    {
        var match = FirstNumber().Match(text);
        return match.Success && int.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MeetingCloseOut.MaxAttendees ? n : null;
    }

    /// <summary>The items of a list typed on lines or with separators: trimmed, without empties and repeats, each and their number limited.</summary>
    public static IReadOnlyList<string> Items(string text, Regex separators) =>
        [.. separators.Split(text).Select(i => Cut(i.Trim(), MaxItemLength)).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxItems)];

    private async ValueTask<OutgoingMessage> FireAsync(DialogTurn turn, Meeting meeting, MeetingCloseOut closeOut, Func<CloseOutMachine, Task> fire)
    {
        var machine = _machines.Rent();
        (machine.Bound, machine.Now) = (closeOut, _replies.Now);
        try
        {
            await fire(machine).ConfigureAwait(false);
            closeOut = machine.Bound!;
        }
        finally
        {
            machine.Bound = null;
            _machines.Return(machine);
        }

        await _store.SaveAsync(closeOut, turn.CancellationToken).ConfigureAwait(false);
        return closeOut.IsClosed ? Closed(turn.Conversation, meeting, closeOut) : Ask(turn.Conversation, meeting, closeOut, null);
    }

    private async ValueTask<(Meeting? Meeting, OutgoingMessage? Refusal)> MeetingAsync(DialogTurn turn, CloseOutButton button)
    {
        var conversation = turn.Conversation;
        var meeting = await _meetings.Store.GetAsync(button.MeetingId, turn.CancellationToken).ConfigureAwait(false);
        if (meeting is null || meeting.ConversationId != conversation.Id)
        {
            return (null, _replies.Prompt(conversation, _replies.Say(conversation, "meeting-not-found")));
        }

        return await MeetingsDialog.MayChangeAsync(_meetings, turn, meeting).ConfigureAwait(false)
            ? (meeting, null)
            : (null, _replies.Prompt(conversation, _replies.Say(conversation, "meeting-not-allowed")));
    }

    private OutgoingMessage Ask(Conversation conversation, Meeting meeting, MeetingCloseOut closeOut, string? before)
    {
        var question = _replies.Say(conversation, "close-ask-" + closeOut.Step.ToString().ToLowerInvariant());
        if (closeOut.Step == CloseOutStep.Minutes)
        {
            question = _replies.Say(conversation, "close-intro", ("title", _messages.Title(meeting)), ("when", When(conversation, meeting, closeOut.Occurrence))) + "\n\n" + question;
        }

        var skip = new CloseOutButton(Skip: true, meeting.Id, closeOut.Occurrence);
        return Replies.Own(conversation, before is null ? question : before + "\n\n" + question, [new(skip.Id, _replies.Say(conversation, "close-skip"))]);
    }

    private OutgoingMessage Closed(Conversation conversation, Meeting meeting, MeetingCloseOut closeOut)
    {
        const string None = "—";
        var text = _replies.Say(
            conversation,
            "close-done",
            ("title", _messages.Title(meeting)),
            ("when", When(conversation, meeting, closeOut.Occurrence)),
            ("minutes", Cut(closeOut.MinutesLink ?? None, 200)),
            ("attendees", closeOut.Attendees?.ToString(CultureInfo.InvariantCulture) ?? None),
            ("organisations", closeOut.Organisations.Count == 0 ? None : Cut(string.Join(", ", closeOut.Organisations), 200)),
            ("decisions", closeOut.Decisions.Count.ToString(CultureInfo.InvariantCulture)));
        return _replies.Prompt(conversation, text);
    }

    private string When(Conversation conversation, Meeting meeting, DateTimeOffset occurrence) =>
        _messages.When(occurrence, meeting.Schedule.TimeZone, conversation.Language);

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never half of a surrogate pair at the cut.
        var keep = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..keep] + "…";
    }

    [GeneratedRegex(@"\d{1,7}")]
    private static partial Regex FirstNumber();

    [GeneratedRegex(@"[,;\n]+")]
    private static partial Regex OrganisationSeparators();

    [GeneratedRegex(@"\n+")]
    private static partial Regex DecisionSeparators();
}
