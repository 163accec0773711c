namespace RecipeBot.Channels.WebChat.Tokens;

/// <summary>
/// What a visitor's Direct Line token grants: one conversation, as one anonymous user, until it expires.
/// <paramref name="Language"/> (<c>et</c>, <c>en</c>, <c>ru</c> or empty) is the page's language, the first guess for the conversation's.
/// </summary>
public sealed record WebChatToken(string ConversationId, string UserId, string Language, DateTimeOffset ExpiresAt);

/// <summary>What reading a presented token found.</summary>
public enum TokenCheck
{
    Valid,

    /// <summary>No token, not one of ours, or tampered with: 401.</summary>
    Invalid,

    /// <summary>Ours, but past its time: 403, as Direct Line answers (the client then asks for a new one).</summary>
    Expired,
}
