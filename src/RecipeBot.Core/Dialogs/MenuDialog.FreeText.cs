using Microsoft.Extensions.Logging;
using RecipeBot.Core.Content;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// Free text in the menu: recognise the situation and go straight to it; when unsure ask "did you mean A or B?"
/// (<see cref="ClarificationDialog"/>); a second miss shows the menu.
/// </summary>
public sealed partial class MenuDialog
{
    private async ValueTask<OutgoingMessage> FreeTextAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var text = turn.Text;

        // A button of an earlier "did you mean …?" question, pressed later, still means what it said.
        if (IntentButton.TryParse(text.Trim(), out var earlier) && IsClarifiable(earlier.Intent))
        {
            return await ActAsync(turn, earlier.Intent).ConfigureAwait(false);
        }

        if (RoleButton.TryParse(text.Trim(), out var role) && await RoleChosenAsync(turn, role).ConfigureAwait(false) is { } forRole)
        {
            return forRole;
        }

        // "mis on maailmakohvik?": a method asked about by name.
        if (NamedMethod(text) is { } method)
        {
            conversation.Misses = 0;
            return ShowMethod(conversation, method);
        }

        // "every second Tuesday of the month at 18": a schedule, whatever the classifier thinks.
        if (await _schedule.ProposeFromTextAsync(conversation, text).ConfigureAwait(false) is { } proposed)
        {
            return proposed;
        }

        if (_diagnoser is null || text.Trim().Length == 0)
        {
            return turn.IsNew ? _replies.Full(conversation) : _replies.Miss(conversation);
        }

        var diagnosis = _diagnoser.Diagnose(text);
        var thresholds = _diagnoser.Thresholds;
        if (turn.IsNew && diagnosis.Language != conversation.Language && diagnosis.Intent != Intents.None)
        {
            // No language chosen yet: answer in the one the user wrote in.
            conversation.Language = diagnosis.Language;
        }

        if (diagnosis.Confidence >= thresholds.Accept)
        {
            return diagnosis.Intent == Intents.None && turn.IsNew ? _replies.Full(conversation) : await ActAsync(turn, diagnosis.Intent, text).ConfigureAwait(false);
        }

        LogUnsure(diagnosis, text);
        if (diagnosis.Intent == Intents.None)
        {
            // Most likely off-topic: asking "did you mean …?" about a runner-up would be a guess.
            return turn.IsNew ? _replies.Full(conversation) : _replies.Miss(conversation);
        }

        var candidates = new[] { new IntentScore(diagnosis.Intent, diagnosis.Confidence) }
            .Concat(diagnosis.Alternatives)
            .Where(c => c.Confidence >= thresholds.Clarify && IsClarifiable(c.Intent))
            .Take(2)
            .Select(c => c.Intent)
            .ToList();
        if (candidates.Count == 0)
        {
            return turn.IsNew ? _replies.Full(conversation) : _replies.Miss(conversation);
        }

        return await Clarification.AskAsync(conversation, candidates).ConfigureAwait(false);
    }

    /// <summary>What a recognised intent leads to: help, a greeting, a schedule, or the situation's recipes.</summary>
    private async ValueTask<OutgoingMessage> ActAsync(DialogTurn turn, string intent, string? text = null)
    {
        var conversation = turn.Conversation;
        conversation.Clarification.Clear();
        if (intent == Intents.None)
        {
            return _replies.Miss(conversation);
        }

        conversation.Misses = 0;
        switch (intent)
        {
            case Intents.Help:
                return _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.Help));
            case Intents.Greeting:
                return turn.IsNew ? _replies.Full(conversation) : _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.GreetingReply));
            case Intents.Thanks:
                return turn.IsNew ? _replies.Full(conversation) : _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.ThanksReply));
            case Intents.ScheduleMeeting:
                return text is null ? _schedule.Start(conversation) : _schedule.StartFromWish(conversation, text);
        }

        if (CardOf(intent) is { } card)
        {
            return ShowCard(conversation, card);
        }

        if (_flow.StateOf(intent) is not { } target)
        {
            return _replies.Miss(conversation);
        }

        if (target == conversation.State)
        {
            return FollowUp(conversation);
        }

        return conversation.Role is null && _flow[target].RoleMatters
            ? AskRole(conversation, intent)
            : await FireAsync(turn, CompiledFlow.DiagnosedTrigger, target).ConfigureAwait(false);
    }

    private ReferenceCard? CardOf(string intent) =>
        intent.StartsWith(ReferenceCard.IntentPrefix, StringComparison.Ordinal)
            ? _flow.Content.CardsById.GetValueOrDefault(intent[ReferenceCard.IntentPrefix.Length..])
            : null;

    private bool IsClarifiable(string intent) =>
        intent == Intents.ScheduleMeeting || _flow.Content.SituationsById.ContainsKey(intent) || CardOf(intent) is not null;

    private void LogUnsure(Diagnosis.Diagnosis diagnosis, string text) =>
        LogUnsure(diagnosis.Intent, diagnosis.Confidence, diagnosis.Alternatives.Count > 0 ? diagnosis.Alternatives[0].Intent : "-", Anonymizer.Mask(text));

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsure about a message ({Intent} {Confidence:F2}, then {Second}); anonymised text: {Text}")]
    private partial void LogUnsure(string intent, float confidence, string second, string text);
}
