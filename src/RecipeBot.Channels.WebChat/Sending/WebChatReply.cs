using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.WebChat.Sending;

/// <summary>
/// Renders the engine's reply as a Direct Line activity: plain text, the choices as suggested actions
/// (<c>messageBack</c>: the chat shows the label, the bot gets the choice id) and a file (a meeting's <c>.ics</c>)
/// as an attachment with a data: URL.
/// </summary>
public static class WebChatReply
{
    /// <summary>The property of a button's value that carries the choice id.</summary>
    public const string ChoiceProperty = "choice";

    public const string BotId = "recipebot";

    public static DirectLineActivity From(OutgoingMessage reply, string directLineConversationId, string activityId, string botName, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var actions = reply.Choices
            .Select(choice => new DirectLineCardAction(
                DirectLineCardAction.MessageBack,
                choice.Label,
                Text: choice.Label,
                DisplayText: choice.Label,
                Value: new Dictionary<string, string> { [ChoiceProperty] = choice.Id }))
            .ToList();
        return new DirectLineActivity
        {
            Type = DirectLineActivity.MessageType,
            Id = activityId,
            Timestamp = timestamp,
            ChannelId = WebChatReceivedActivity.ChannelId,
            From = new DirectLineAccount(BotId, botName, "bot"),
            Conversation = new DirectLineConversation(directLineConversationId),
            Text = reply.Text,
            TextFormat = "plain",
            Locale = reply.Language,
            // Only a visitor's activity is worth pointing at: Web Chat holds a reply back until it has seen that one.
            ReplyToId = reply.InReplyTo is { } to && to.StartsWith(directLineConversationId + "|", StringComparison.Ordinal) ? to : null,
            InputHint = actions.Count > 0 ? "expectingInput" : "acceptingInput",
            SuggestedActions = actions.Count > 0 ? new DirectLineSuggestedActions(actions) : null,
            Attachments = reply.Attachment is { } file
                ? [new DirectLineAttachment(file.ContentType, $"data:{file.ContentType};base64,{Convert.ToBase64String(file.Content)}", file.FileName)]
                : null,
        };
    }
}
