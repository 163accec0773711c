using System.Text.Json;

namespace RecipeBot.Channels.Teams.Schema;

/// <summary>
/// A Bot Framework activity, in and out: only the fields RecipeBot reads or writes; the rest of
/// the schema passes through untouched (<see cref="ChannelData"/>, <see cref="Value"/>) or is ignored.
/// </summary>
public sealed record TeamsActivity
{
    /// <summary><c>message</c>, <c>conversationUpdate</c>, <c>invoke</c>, … (see <see cref="ActivityTypes"/>).</summary>
    public string? Type { get; init; }

    /// <summary>The activity id; Teams sends the same id again when it redelivers.</summary>
    public string? Id { get; init; }

    public string? ServiceUrl { get; init; }

    /// <summary><c>msteams</c>, <c>emulator</c>, <c>webchat</c> …; the signing key must endorse it.</summary>
    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    /// <summary>The user's client locale, e.g. <c>et-EE</c>.</summary>
    public string? Locale { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>The name of an invoke, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    /// <summary>A card button's value (messageBack) or an invoke's payload.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Null on most conversation updates.</summary>
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public string? AttachmentLayout { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }
}
