using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// Making or changing a meeting schedule: typed (in any of the languages) or guided with buttons (frequency → weekday →
/// week → time), ambiguity asked back, and the confirmation with the next three dates and the configured lead times
/// before anything is saved. The draft is the dialog's state (<see cref="Conversation.Draft"/>); a message meant for
/// something else leaves it pending (<see cref="ContinueAsync"/> returns null) for "Continue the meeting schedule".
/// </summary>
public sealed partial class ScheduleDialog
{
    private readonly Replies _replies;
    private readonly MeetingServices _meetings;
    private readonly MeetingMessages _messages;
    private readonly IntentDiagnoser? _diagnoser;
    private readonly ILogger _logger;
    private readonly ScheduleQuestions _questions;
    private readonly MachinePool<ScheduleMachine> _machines = new(() => new ScheduleMachine());

    public ScheduleDialog(Replies replies, MeetingServices meetings, MeetingMessages messages, IntentDiagnoser? diagnoser, ILogger logger)
    {
        _replies = replies;
        _meetings = meetings;
        _messages = messages;
        _diagnoser = diagnoser;
        _logger = logger;
        _questions = new ScheduleQuestions(replies, messages, meetings);
    }

    /// <summary>Starts making a new schedule; <paramref name="before"/> goes before the first question.</summary>
    public OutgoingMessage Start(Conversation conversation, string? before = null)
    {
        conversation.Draft = new ScheduleDraft { Step = DraftStep.Describe };
        return _questions.Ask(conversation, before);
    }

    /// <summary>Starts changing <paramref name="meeting"/>: what the user does not mention stays.</summary>
    public OutgoingMessage StartChange(Conversation conversation, Meeting meeting)
    {
        conversation.Draft = new ScheduleDraft { Step = DraftStep.Describe, MeetingId = meeting.Id, Base = meeting.Schedule };
        return _questions.Ask(conversation, null);
    }

    /// <summary>"remind us every Monday": the wish is understood; what is missing (the time) is said with the question.</summary>
    public OutgoingMessage StartFromWish(Conversation conversation, string text)
    {
        var hint = Hint(conversation, text);
        return Start(conversation, hint == _replies.Say(conversation, HintKey(ScheduleErrorCodes.Unrecognised)) ? null : hint);
    }

    /// <summary><c>/remind</c> alone asks; <c>/remind every Monday at 10</c> proposes at once.</summary>
    public async ValueTask<OutgoingMessage> RemindAsync(Conversation conversation, string argument) =>
        argument.Length == 0
            ? Start(conversation)
            : await ProposeFromTextAsync(conversation, argument).ConfigureAwait(false) ?? Start(conversation, Hint(conversation, argument));

    /// <summary>The current question again, e.g. after "Continue the meeting schedule".</summary>
    public OutgoingMessage Ask(Conversation conversation) => _questions.Ask(conversation, null);

    /// <summary>The button that brings a pending draft back after a message meant for something else.</summary>
    public ChoiceView ContinueButton(Conversation conversation) =>
        new(new ScheduleButton(ScheduleButton.Kind.Continue).Id, _replies.Say(conversation, TextKeys.ScheduleContinue));

    /// <summary>The label of one of this dialog's buttons shown in the last reply, so that typing it presses it.</summary>
    public string? LabelOf(Conversation conversation, string id) =>
        conversation.Draft is null || !ScheduleButton.TryParse(id, out var button) ? null
        : button.What == ScheduleButton.Kind.Continue ? ContinueButton(conversation).Label
        : _questions.Choices(conversation).FirstOrDefault(c => c.Id == id)?.Label;

    /// <summary>
    /// Reads <paramref name="text"/> as a schedule in the conversation's language, then the others, and proposes it.
    /// Null when no language reads it (the caller decides what else the text could be).
    /// </summary>
    public async ValueTask<OutgoingMessage?> ProposeFromTextAsync(Conversation conversation, string text)
    {
        switch (Parse(conversation, text))
        {
            case ScheduleParseResult.Success success:
                conversation.Draft ??= new ScheduleDraft();
                return await ProposeAsync(conversation, success.Schedule).ConfigureAwait(false);
            case ScheduleParseResult.Ambiguous ambiguous:
                conversation.Draft ??= new ScheduleDraft();
                conversation.Misses = 0;
                IReadOnlyList<DraftAlternative> readings = [.. ambiguous.Alternatives.Select(a => new DraftAlternative(a.DescriptionKey, a.Schedule))];
                await FireAsync(conversation, m => m.Machine.FireAsync(m.ReadTwoWays, readings), ScheduleMachine.Trigger.ReadTwoWays).ConfigureAwait(false);
                return _questions.Ask(conversation, null);
            case ScheduleParseResult.Invalid { ErrorCode: ScheduleErrorCodes.IntervalTooLarge } tooLarge:
                // "every 999999999 weeks": clearly a schedule, one the bot will not keep; say why, and ask again.
                return conversation.Draft is null
                    ? Start(conversation, _replies.Say(conversation, tooLarge.HintKey))
                    : _questions.Ask(conversation, _replies.Say(conversation, tooLarge.HintKey));
            default:
                return null;
        }
    }

    /// <summary>A message while a schedule is being made; null when it was meant for something else (the draft stays).</summary>
    public async ValueTask<OutgoingMessage?> ContinueAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var draft = conversation.Draft!;
        var text = turn.Text;
        if (ChoiceMatcher.Match(text, _questions.Choices(conversation), byNumber: draft.Step != DraftStep.Time) is { } picked
            && ScheduleButton.TryParse(picked.Id, out var button))
        {
            return await PressAsync(turn, button).ConfigureAwait(false);
        }

        if (ScheduleButton.TryParse(text.Trim(), out var earlier))
        {
            // A button of an earlier step: cancel and continue still mean what they say; others show where the schedule stands.
            return earlier.What is ScheduleButton.Kind.Cancel or ScheduleButton.Kind.Continue
                ? await PressAsync(turn, earlier).ConfigureAwait(false)
                : Ask(conversation);
        }

        if (draft.Step == DraftStep.Time && ScheduleReading.TimeOf(text) is { } typed)
        {
            return await GuidedAsync(conversation, typed).ConfigureAwait(false);
        }

        if (await ProposeFromTextAsync(conversation, text).ConfigureAwait(false) is { } proposed)
        {
            return proposed;
        }

        if (draft.Base is { } changed && draft.Step == DraftStep.Describe && await ChangeAsync(conversation, changed, text).ConfigureAwait(false) is { } change)
        {
            return change;
        }

        if (IsMeantForSomethingElse(conversation, text))
        {
            return null;
        }

        return _questions.Ask(conversation, draft.Step == DraftStep.Time ? _replies.Say(conversation, "schedule-bad-time") : Hint(conversation, text));
    }

    /// <summary>The hint for a text that is no schedule: what is missing, or how to write one.</summary>
    public string Hint(Conversation conversation, string text) =>
        _replies.Say(conversation, Parse(conversation, text) is ScheduleParseResult.Invalid invalid ? invalid.HintKey : HintKey(ScheduleErrorCodes.Unrecognised));

    private static string HintKey(string code) => "schedule.hint." + code;

    /// <summary>A button of the conversation (pressed or typed) or a clear question of another kind: not for the draft.</summary>
    private bool IsMeantForSomethingElse(Conversation conversation, string text)
    {
        if (_replies.Flow[conversation.State].Match(text, byNumber: false) is not null)
        {
            return true;
        }

        if (_diagnoser is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var diagnosis = _diagnoser.Diagnose(text);
        return diagnosis.Intent is not (Intents.ScheduleMeeting or Intents.None) && diagnosis.Confidence >= _diagnoser.Thresholds.Clarify;
    }

    private ScheduleParseResult Parse(Conversation conversation, string text) =>
        ScheduleReading.Parse(text, conversation.Language, _replies.Flow.Languages, _replies.Now, Replies.ZoneOf(conversation));
}
