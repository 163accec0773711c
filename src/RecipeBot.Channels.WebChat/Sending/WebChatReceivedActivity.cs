using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Channels.WebChat.Tokens;

namespace RecipeBot.Channels.WebChat.Sending;

/// <summary>
/// A visitor's posted activity as it is stored and shown back: the service gives it its id and time and says who
/// wrote it (the token's user, whatever the client claimed), as Direct Line does; the rest stays as sent.
/// </summary>
public static class WebChatReceivedActivity
{
    public const string ChannelId = "webchat";

    public static DirectLineActivity Complete(DirectLineActivity posted, WebChatToken token, string activityId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(token);
        posted.Id = activityId;
        posted.Timestamp = timestamp;
        posted.ChannelId = ChannelId;
        posted.From = new DirectLineAccount(token.UserId, posted.From?.Name, "user");
        posted.Conversation = new DirectLineConversation(token.ConversationId);
        posted.SuggestedActions = null;
        return posted;
    }
}
