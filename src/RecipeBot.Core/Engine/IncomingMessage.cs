namespace RecipeBot.Core.Engine;

/// <summary>
/// What a channel hands the engine: the text typed or the id of the button pressed.
/// <paramref name="LanguageHint"/> (e.g. Telegram's <c>language_code</c>) picks the language on first contact.
/// <paramref name="DeliveryId"/> (Telegram's update_id, a Teams activity id) makes a redelivery have no effect.
/// <paramref name="IsGroup"/> marks a group chat, where only some people may change a meeting.
/// </summary>
public sealed record IncomingMessage(
    string ConversationId,
    string Text,
    string? UserId = null,
    string? LanguageHint = null,
    string? DeliveryId = null,
    bool IsGroup = false);
