using System.Text.Json.Serialization;

namespace RecipeBot.Channels.WebChat.Schema;

/// <summary>What starting, reconnecting to a conversation or refreshing a token answers (Direct Line's <c>Conversation</c>).</summary>
public sealed record DirectLineConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);
