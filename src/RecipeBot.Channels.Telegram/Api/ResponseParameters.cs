namespace RecipeBot.Channels.Telegram.Api;

/// <summary>Why a request failed and how to recover: wait (<c>retry_after</c>) or write elsewhere.</summary>
internal sealed record ResponseParameters(int? RetryAfter = null, long? MigrateToChatId = null);
