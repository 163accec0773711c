using Microsoft.Extensions.Logging;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Engine;

/// <summary>
/// Free text: recognise the situation and go straight to it; when unsure ask "did you mean A
/// or B?"; "neither" asks for other words; a second miss shows the menu.
/// </summary>
public sealed partial class RecipeEngine
{
    public const string IntentChoicePrefix = "intent:";
    public const string NeitherChoiceId = "neither";

    private async ValueTask<OutgoingMessage> FreeTextAsync(Conversations.Conversation conversation, string text, bool isNew, CancellationToken cancellationToken)
    {
        // A button of an earlier "did you mean …?" question, pressed later, still means what it said.
        var trimmed = text.Trim();
        if (trimmed.StartsWith(IntentChoicePrefix, StringComparison.Ordinal)
            && trimmed[IntentChoicePrefix.Length..] is var earlier && IsClarifiable(earlier))
        {
            return await ActAsync(conversation, earlier, isNew).ConfigureAwait(false);
        }

        // "every second Tuesday of the month at 18": a schedule, whatever the classifier thinks.
        if (ProposeFromText(conversation, text, null) is { } proposed)
        {
            return proposed;
        }

        if (diagnoser is null || text.Trim().Length == 0)
        {
            return isNew ? Full(conversation) : Miss(conversation);
        }

        var diagnosis = diagnoser.Diagnose(text);
        var thresholds = diagnoser.Thresholds;
        if (isNew && diagnosis.Language != conversation.Language && diagnosis.Intent != Intents.None)
        {
            // No language chosen yet: answer in the one the user wrote in.
            conversation.Language = diagnosis.Language;
        }

        if (diagnosis.Confidence >= thresholds.Accept)
        {
            return diagnosis.Intent == Intents.None && isNew ? Full(conversation) : await ActAsync(conversation, diagnosis.Intent, isNew, text).ConfigureAwait(false);
        }

        if (diagnosis.Intent == Intents.None)
        {
            // Most likely off-topic: asking "did you mean …?" about a runner-up would be a guess.
            LogUnsure(diagnosis, text);
            return isNew ? Full(conversation) : Miss(conversation);
        }

        var candidates = new[] { new IntentScore(diagnosis.Intent, diagnosis.Confidence) }
            .Concat(diagnosis.Alternatives)
            .Where(c => c.Confidence >= thresholds.Clarify && IsClarifiable(c.Intent))
            .Take(2)
            .ToList();
        LogUnsure(diagnosis, text);
        if (candidates.Count == 0)
        {
            return isNew ? Full(conversation) : Miss(conversation);
        }

        conversation.Clarification.Clear();
        conversation.Clarification.AddRange(candidates.Select(c => c.Intent));
        return Clarify(conversation);
    }

    private async ValueTask<OutgoingMessage> ActAsync(Conversations.Conversation conversation, string intent, bool isNew, string? text = null)
    {
        conversation.Clarification.Clear();
        if (intent == Intents.None)
        {
            return Miss(conversation);
        }

        conversation.Misses = 0;
        switch (intent)
        {
            case Intents.Help:
                return Prompt(conversation, Say(conversation, TextKeys.Help));
            case Intents.Greeting:
                return isNew ? Full(conversation) : Prompt(conversation, Say(conversation, TextKeys.GreetingReply));
            case Intents.ScheduleMeeting:
                // "remind us every Monday": say what is missing (the time) along with the question.
                var hint = text is null ? null : Hint(conversation, text);
                return StartDraft(conversation, null, hint == Say(conversation, "schedule.hint." + Scheduling.ScheduleErrorCodes.Unrecognised) ? null : hint);
        }

        if (flow.StateOf(intent) is not { } target)
        {
            return Miss(conversation);
        }

        var from = conversation.State;
        var machine = flow.Rent(conversation);
        try
        {
            await machine.Machine.FireAsync(machine.Diagnosed, target).ConfigureAwait(false);
        }
        finally
        {
            flow.Return(machine);
        }

        if (from != conversation.State)
        {
            conversation.PushHistory(from);
        }

        return Entered(conversation);
    }

    /// <summary>The reply to "did you mean …?" — or null when the user said something else entirely.</summary>
    private ValueTask<OutgoingMessage>? AnswerToClarification(Conversations.Conversation conversation, string text)
    {
        var choices = ClarificationChoices(conversation);
        var trimmed = text.Trim();
        var picked = choices.FirstOrDefault(c => c.Id == trimmed)
            ?? (int.TryParse(trimmed.TrimEnd('.'), out var n) && n >= 1 && n <= choices.Count ? choices[n - 1] : null)
            ?? choices.FirstOrDefault(c => TextNormalizer.Normalize(c.Label) == TextNormalizer.Normalize(text));
        conversation.Clarification.Clear();
        if (picked is null)
        {
            return null;
        }

        if (picked.Id == NeitherChoiceId)
        {
            return ValueTask.FromResult(Miss(conversation, TextKeys.Rephrase));
        }

        return ActAsync(conversation, picked.Id[IntentChoicePrefix.Length..], isNew: false);
    }

    private OutgoingMessage Clarify(Conversations.Conversation conversation) => new(
        conversation.Id,
        Say(conversation, TextKeys.ClarifyQuestion),
        ClarificationChoices(conversation),
        [],
        conversation.State,
        conversation.Language);

    private List<ChoiceView> ClarificationChoices(Conversations.Conversation conversation)
    {
        var choices = conversation.Clarification
            .Select(intent => new ChoiceView(IntentChoicePrefix + intent, IntentLabel(intent, conversation.Language)))
            .ToList();
        choices.Add(new ChoiceView(NeitherChoiceId, Say(conversation, TextKeys.ClarifyNeither)));
        return choices;
    }

    private string IntentLabel(string intent, string language) =>
        flow.Content.SituationsById.TryGetValue(intent, out var situation)
            ? situation.Title.Get(language, flow.DefaultLanguage)
            : flow.Content.Text(EffectiveChoices.ScheduleLabelKey, language);

    private bool IsClarifiable(string intent) =>
        intent == Intents.ScheduleMeeting || flow.Content.SituationsById.ContainsKey(intent);

    /// <summary>Not understood: a hint the first time, the menu the second.</summary>
    private OutgoingMessage Miss(Conversations.Conversation conversation, string hintKey = TextKeys.NotUnderstood)
    {
        conversation.Misses++;
        if (conversation.Misses < 2)
        {
            return Prompt(conversation, Say(conversation, hintKey));
        }

        conversation.Misses = 0;
        var menu = Full(conversation);
        return menu with { Text = Say(conversation, TextKeys.ShowingMenu) + "\n\n" + menu.Text };
    }

    private void LogUnsure(Diagnosis.Diagnosis diagnosis, string text) =>
        _logger.LogInformation(
            "Unsure about a message ({Intent} {Confidence:F2}, then {Second}); anonymised text: {Text}",
            diagnosis.Intent,
            diagnosis.Confidence,
            diagnosis.Alternatives.Count > 0 ? diagnosis.Alternatives[0].Intent : "-",
            Anonymizer.Mask(text));
}
