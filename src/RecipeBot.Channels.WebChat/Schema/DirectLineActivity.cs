using System.Text.Json;

namespace RecipeBot.Channels.WebChat.Schema;

/// <summary>
/// The part of a Bot Framework activity that Direct Line clients send and Web Chat shows. What the client sends in
/// <see cref="ChannelData"/> (Web Chat's <c>clientActivityID</c>) and <see cref="Value"/> comes back unchanged.
/// </summary>
public sealed class DirectLineActivity
{
    public const string MessageType = "message";

    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ChannelId { get; set; }

    public DirectLineAccount? From { get; set; }

    public DirectLineConversation? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? ReplyToId { get; set; }

    public string? InputHint { get; set; }

    public JsonElement? Value { get; set; }

    public JsonElement? ChannelData { get; set; }

    public List<DirectLineAttachment>? Attachments { get; set; }

    public DirectLineSuggestedActions? SuggestedActions { get; set; }
}

/// <summary>Who wrote an activity; <c>role</c> is <c>user</c> or <c>bot</c>, which tells Web Chat the side.</summary>
public sealed record DirectLineAccount(string Id, string? Name = null, string? Role = null);

public sealed record DirectLineConversation(string Id);

/// <summary>A file: the bot's <c>.ics</c> goes inline as a data: URL.</summary>
public sealed record DirectLineAttachment(string? ContentType, string? ContentUrl = null, string? Name = null, JsonElement? Content = null);

/// <summary>Buttons under a message that disappear once the visitor answers.</summary>
public sealed record DirectLineSuggestedActions(IReadOnlyList<DirectLineCardAction> Actions);

/// <summary>
/// A <c>messageBack</c> button: the chat shows <see cref="DisplayText"/> (the label), the bot receives
/// <see cref="Value"/> (<c>{"choice": id}</c>) and <see cref="Text"/>.
/// </summary>
public sealed record DirectLineCardAction(string Type, string Title, string? Text = null, string? DisplayText = null, IReadOnlyDictionary<string, string>? Value = null)
{
    public const string MessageBack = "messageBack";
}
