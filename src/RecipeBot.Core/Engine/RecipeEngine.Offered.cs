using RecipeBot.Core.Conversations;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Engine;

/// <summary>The buttons a reply offered beyond the state's own, so that a typed number or label presses them.</summary>
public sealed partial class RecipeEngine
{
    /// <summary>
    /// The id of the button the text names — by number or by label — when the last reply had buttons of its own
    /// (a list of meetings, a schedule question); null otherwise.
    /// </summary>
    private string? OfferedChoice(Conversation conversation, string text)
    {
        // While a time is asked, "7" is seven o'clock, not the seventh button.
        if (conversation.Offered.Count == 0 || text.Length > 200)
        {
            return null;
        }

        // Nor while a close-out asks how many came: "1" is one attendee, not the skip button.
        var byNumber = conversation.Draft?.Step != DraftStep.Time && !conversation.Offered.Any(CloseOutButton.IsSkip);
        var views = new List<ChoiceView>(conversation.Offered.Count);
        for (var i = 0; i < conversation.Offered.Count; i++)
        {
            var id = conversation.Offered[i];
            views.Add(new ChoiceView(id, LabelOf(conversation, id, i) ?? id));
        }

        return ChoiceMatcher.Match(text, views, byNumber)?.Id;
    }

    private string? LabelOf(Conversation conversation, string id, int position) =>
        _meetings.LabelOf(conversation, id, position)
        ?? _plans.LabelOf(conversation, id, position)
        ?? _closeOuts.LabelOf(conversation, id)
        ?? _schedule.LabelOf(conversation, id)
        ?? _language.LabelOf(conversation, id)
        ?? _menu.Clarification.LabelOf(conversation, id)
        ?? _menu.RoleLabelOf(conversation, id)
        ?? _flow[conversation.State].ShownChoices(conversation.Language, conversation.Role).FirstOrDefault(c => c.Id == id)?.Label
        ?? _privacy.LabelOf(conversation, id)
        ?? _flow[conversation.State].ChoiceViews(conversation.Language).FirstOrDefault(c => c.Id == id)?.Label;

    private void RememberOffered(Conversation conversation, OutgoingMessage reply)
    {
        conversation.Offered.Clear();
        var own = _flow[conversation.State].ChoiceViews(conversation.Language);
        var same = reply.Choices.Count == own.Count;
        for (var i = 0; same && i < own.Count; i++)
        {
            same = reply.Choices[i].Id == own[i].Id;
        }

        if (!same)
        {
            foreach (var choice in reply.Choices)
            {
                conversation.Offered.Add(choice.Id);
            }
        }
    }

    private static bool IsCommand(string? text, string name)
    {
        var trimmed = (text ?? string.Empty).AsSpan().Trim();
        return trimmed.StartsWith("/" + name, StringComparison.Ordinal)
            && (trimmed.Length == name.Length + 1 || trimmed[name.Length + 1] is ' ' or '@');
    }
}
