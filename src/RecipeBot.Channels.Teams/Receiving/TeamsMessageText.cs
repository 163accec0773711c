using System.Net;
using System.Text.Json;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Channels.Teams.Sending;

namespace RecipeBot.Channels.Teams.Receiving;

/// <summary>
/// What a message says to the bot. A card button sends its choice id (in any conversation: card
/// actions reach the bot without a mention). In personal chats every message is for the bot; in
/// group chats and channels only those that mention it, with the mention (<c>&lt;at&gt;RecipeBot&lt;/at&gt;</c>) removed.
/// </summary>
public static class TeamsMessageText
{
    /// <summary>The text for the engine, or null when the message is not for the bot.</summary>
    public static string? ForBot(TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ChoiceOf(activity.Value) is { } choice)
        {
            return choice;
        }

        var (text, mentioned) = WithoutMention(activity.Text ?? string.Empty, activity);
        text = Clean(text);
        if (IsGroup(activity.Conversation))
        {
            return !mentioned ? null : text.Length == 0 ? "/help" : text;
        }

        return text;
    }

    /// <summary>The choice id a button (messageBack value or Adaptive Card data) carries.</summary>
    public static string? ChoiceOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v
        && v.TryGetProperty(TeamsReply.ChoiceProperty, out var choice)
        && choice.ValueKind == JsonValueKind.String
        && choice.GetString() is { Length: > 0 } id
            ? id
            : null;

    public static bool IsGroup(ConversationAccount? conversation) =>
        conversation is not null && (conversation.IsGroup == true || conversation.ConversationType is "groupChat" or "channel");

    private static (string Text, bool Mentioned) WithoutMention(string text, TeamsActivity activity)
    {
        var botId = activity.Recipient?.Id;
        var mentioned = false;
        foreach (var entity in activity.Entities ?? [])
        {
            // Entities come from outside: a null one, or one for someone else, is skipped.
            if (entity?.Type != Entity.MentionType || botId is null || entity.Mentioned?.Id != botId)
            {
                continue;
            }

            mentioned = true;
            // A mention without its text (or with an empty one) is removed by the tag below, if at all.
            var mention = entity.Text is { Length: > 0 } written ? written : entity.Mentioned.Name is { Length: > 0 } mentionedName ? $"<at>{mentionedName}</at>" : null;
            if (mention is not null)
            {
                text = text.Replace(mention, " ", StringComparison.Ordinal);
            }
        }

        // Clients that send no mention entity (an emulator, a forwarded copy) still write the tag.
        if (activity.Recipient?.Name is { Length: > 0 } name)
        {
            var tag = $"<at>{name}</at>";
            if (text.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                mentioned = true;
                text = text.Replace(tag, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return (text, mentioned);
    }

    /// <summary>Teams may send entities (&amp;nbsp;) and non-breaking spaces around a mention.</summary>
    private static string Clean(string text) => WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Trim();
}
