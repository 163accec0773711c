using RecipeBot.Channels.WebChat.Schema;

namespace RecipeBot.Channels.WebChat.Receiving;

/// <summary>
/// One inbox row of the web chat: a conversation started (the bot greets, as Direct Line's <c>conversationUpdate</c>
/// would make it) or a visitor's message, already completed as the visitor will see it again (<see cref="Activity"/>).
/// </summary>
public sealed record WebChatDelivery(string Kind, string ConversationId, string UserId, string Language, DirectLineActivity? Activity = null)
{
    public const string StartKind = "start";
    public const string MessageKind = "message";

    /// <summary>The start's delivery id: a conversation is greeted once however often its client starts it.</summary>
    public const string StartDeliveryId = "webchat-start";
}
