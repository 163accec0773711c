using RecipeBot.Core.Conversations;

namespace RecipeBot.Core.Privacy;

/// <summary>How long a conversation may stay inactive before it is deleted: anonymous web visitors for less time than everyone else.</summary>
public sealed class RetentionPolicy(PrivacyOptions options)
{
    /// <summary>Channels whose conversations are anonymous visitors (the website's chat); a new such channel is one more name here.</summary>
    public static IReadOnlySet<string> AnonymousChannels { get; } = new HashSet<string>(StringComparer.Ordinal) { ConversationKey.WebChatChannel };

    public static RetentionPolicy Default { get; } = new(new PrivacyOptions());

    public PrivacyOptions Options => options;

    /// <summary>Whether the conversation is an anonymous visitor's, kept for <see cref="PrivacyOptions.WebRetentionDays"/>.</summary>
    public static bool IsAnonymousVisitor(ConversationKey key) => AnonymousChannels.Contains(key.Channel);

    /// <summary>How long the conversation may stay inactive.</summary>
    public TimeSpan RetentionOf(string conversationId) =>
        TimeSpan.FromDays(ConversationKey.TryParse(conversationId, out var key) && IsAnonymousVisitor(key) ? options.WebRetentionDays : options.RetentionDays);

    /// <summary>The shortest retention of any conversation: nothing last active after <c>now</c> minus this is due.</summary>
    public TimeSpan Shortest => TimeSpan.FromDays(Math.Min(options.RetentionDays, options.WebRetentionDays));
}
