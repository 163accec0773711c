namespace RecipeBot.Core.Engine;

/// <summary>The engine's answer to one turn, for a channel to render in its own format.</summary>
/// <param name="Text">Plain text with line breaks; channels escape it for their markup.</param>
/// <param name="Recipes">Ids of the recipes this message gives (empty when it gives none).</param>
/// <param name="State">The conversation's state after the turn.</param>
/// <param name="Schedule">The meeting schedule this message proposes or confirms, for scripts and calendars.</param>
/// <param name="Attachment">A file to send with the message (a meeting's <c>.ics</c>).</param>
/// <param name="Proactive">Sent by the bot on its own (a reminder, a nudge), not as the answer to a message.</param>
/// <param name="InReplyTo">The delivery id of the message this answers (a Teams activity id, which threads the reply).</param>
/// <param name="Farewell">
/// The last message to a conversation whose data was erased: once it is sent, the channel forgets what it kept to
/// reach the conversation (a Teams conversation reference, the terminal's files).
/// </param>
public sealed record OutgoingMessage(
    string ConversationId,
    string Text,
    IReadOnlyList<ChoiceView> Choices,
    IReadOnlyList<string> Recipes,
    string State,
    string Language,
    ScheduleView? Schedule = null,
    MessageAttachment? Attachment = null,
    bool Proactive = false,
    string? InReplyTo = null,
    bool Farewell = false);

/// <summary>A schedule as the bot understood it: the RRULE (empty for one meeting), its zone and the next three starts.</summary>
public sealed record ScheduleView(string Rrule, string TimeZone, IReadOnlyList<DateTimeOffset> Next);

/// <summary>A file sent as a document (Telegram) or an attachment (Teams).</summary>
public sealed record MessageAttachment(string FileName, string ContentType, byte[] Content);
