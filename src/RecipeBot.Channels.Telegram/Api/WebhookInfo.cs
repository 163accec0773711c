namespace RecipeBot.Channels.Telegram.Api;

/// <summary>The current webhook status (<c>getWebhookInfo</c>).</summary>
/// <param name="Url">Empty when no webhook is set (the bot is in getUpdates mode).</param>
public sealed record WebhookInfo(string Url, int PendingUpdateCount)
{
    /// <summary>Unix time in seconds of the last failed delivery.</summary>
    public long? LastErrorDate { get; init; }

    public string? LastErrorMessage { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
