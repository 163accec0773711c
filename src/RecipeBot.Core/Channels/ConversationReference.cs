namespace RecipeBot.Core.Channels;

/// <summary>
/// Where and as whom to write to a conversation without being asked (a reminder): what a
/// Bot Framework channel such as Teams needs to send a proactive message, as learned from the
/// last authenticated activity of that conversation.
/// </summary>
/// <param name="Id">The channel-qualified conversation id, e.g. <c>teams:19:abc@thread.v2</c>.</param>
/// <param name="ChannelId">The platform's channel, e.g. <c>msteams</c> or <c>emulator</c>.</param>
/// <param name="ServiceUrl">The connector to post to; only ever one that sent an authenticated activity.</param>
/// <param name="ConversationId">The platform's own conversation id.</param>
public sealed record ConversationReference(
    string Id,
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string? BotId = null,
    string? BotName = null,
    string? UserId = null,
    string? UserName = null,
    string? TenantId = null,
    string? ConversationType = null);
