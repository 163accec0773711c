namespace RecipeBot.Core.Privacy;

/// <summary>
/// Whose data an export or an erasure is about: a whole conversation (a private chat, or any conversation deleted
/// for inactivity), or in a group one member's own part of it (the meetings they made, their name on the group's
/// conversation reference).
/// </summary>
/// <param name="ConversationId">The channel-qualified conversation id.</param>
/// <param name="UserId">The channel's id of the user who asked; null when nobody asked (retention).</param>
/// <param name="IsGroup">A group chat: only what is the user's own is theirs.</param>
/// <param name="FarewellFollows">
/// A last message still goes to the conversation after the erasure: a channel keeps what it needs to deliver it
/// (stripped of the user's details) and forgets it once it is sent.
/// </param>
public sealed record PersonalDataSubject(string ConversationId, string? UserId = null, bool IsGroup = false, bool FarewellFollows = false)
{
    /// <summary>The whole conversation is the subject's: a private chat, or a conversation deleted for inactivity.</summary>
    public bool WholeConversation => !IsGroup;

    /// <summary>Whether something made by <paramref name="createdBy"/> is the subject's: all of a private chat, in a group only their own.</summary>
    public bool Owns(string? createdBy) => WholeConversation || (UserId is not null && createdBy == UserId);
}
