using System.Text.Json;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Channels.WebChat.Sending;

namespace RecipeBot.Channels.WebChat.Receiving;

/// <summary>What a visitor's message says to the bot: the choice id of a pressed button, else the typed text.</summary>
public static class WebChatMessageText
{
    /// <summary>The text for the engine, or null when there is none (an empty message, a file alone).</summary>
    public static string? Of(DirectLineActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(WebChatReply.ChoiceProperty, out var choice)
            && choice.ValueKind == JsonValueKind.String
            && choice.GetString() is { Length: > 0 } id)
        {
            return id;
        }

        var text = activity.Text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
