using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// <c>/lang ru</c> switches the language and repeats where the conversation stands; <c>/lang</c> alone offers the
/// languages as buttons (labelled as at the start), which do the same when pressed or typed.
/// </summary>
public sealed class LanguageDialog(Replies replies)
{
    public OutgoingMessage Command(Conversation conversation, string argument) =>
        argument.Length == 0 ? Offer(conversation) : Change(conversation, argument);

    /// <summary>A language button pressed at any time; null when the text is none.</summary>
    public OutgoingMessage? Press(Conversation conversation, string text) =>
        LanguageButton.TryParse(text.Trim(), out var button) ? Change(conversation, button.Language) : null;

    /// <summary>The label of a language button, so that typing "English" after <c>/lang</c> presses it.</summary>
    public string? LabelOf(Conversation conversation, string id) =>
        LanguageButton.TryParse(id, out var button) && From(button.Language) is { } language ? Label(conversation, language) : null;

    /// <summary>The flow's language named by <paramref name="hint"/>: "en", "en-US" and "ru_RU" count as their language.</summary>
    public string? From(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        var code = hint.Trim().ToLowerInvariant();
        var cut = code.IndexOfAny(['-', '_']);
        code = cut > 0 ? code[..cut] : code;
        return replies.Flow.Languages.FirstOrDefault(l => l == code);
    }

    private OutgoingMessage Offer(Conversation conversation) =>
        Replies.Own(
            conversation,
            replies.Say(conversation, "lang-choose"),
            [.. replies.Flow.Languages.Select(l => new ChoiceView(new LanguageButton(l).Id, Label(conversation, l)))]);

    private OutgoingMessage Change(Conversation conversation, string argument)
    {
        if (From(argument) is not { } language)
        {
            return replies.Prompt(conversation, replies.Say(conversation, TextKeys.UnknownLanguage, ("languages", string.Join(", ", replies.Flow.Languages))));
        }

        conversation.Language = language;
        var reply = replies.Full(conversation);
        return reply with { Text = replies.Say(conversation, TextKeys.LanguageChanged) + "\n\n" + reply.Text };
    }

    /// <summary>The label of the start's choice that sets <paramref name="language"/> ("Eesti keel", "Русский"), or its code.</summary>
    private string Label(Conversation conversation, string language)
    {
        var start = replies.Flow.Start;
        var choice = start.Choices.FirstOrDefault(c => c.Set.TryGetValue("language", out var set) && set == language);
        return choice is null ? language : start.ChoiceViews(conversation.Language).First(v => v.Id == choice.Id).Label;
    }
}
