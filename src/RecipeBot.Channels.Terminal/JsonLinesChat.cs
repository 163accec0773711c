using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.Terminal;

/// <summary>
/// The terminal conversation as JSON lines, for scripts and tests. Each input line is
/// <c>{"text": "...", "chat": "...", "user": "...", "lang": "..."}</c> (only <c>text</c> is required);
/// each reply is one line. A bad line gets an <c>error</c> line and the chat goes on. A reply may carry
/// <c>schedule</c> (<c>rrule</c>, <c>timeZone</c>, <c>next</c> as ISO 8601 times with their offset) and
/// <c>attachment</c> (<c>fileName</c>, <c>contentType</c>, <c>size</c> in bytes, and <c>path</c>, the file as written under
/// <see cref="TerminalOptions.AttachmentsPath"/>); a message the bot sent on
/// its own (a reminder) is a line like a reply with <c>"proactive": true</c>. Replies, like reminders, are written
/// by the terminal's outbox sender (<see cref="TerminalChannelSender"/>).
/// </summary>
public sealed class JsonLinesChat(TurnRunner turns, OutboxSender outbox, TerminalOptions options)
{

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs on <paramref name="output"/>, which the outbox sender given to this chat writes to as well.</summary>
    public async Task RunAsync(TextReader input, TerminalOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        while (!cancellationToken.IsCancellationRequested && await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Read(line, out var message) is { } error)
            {
                await output.WriteAsync(error + Environment.NewLine, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await turns.RunAsync(message!, cancellationToken).ConfigureAwait(false);
            // The reply leaves through the outbox like on every channel; the next line waits until it is written.
            await outbox.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads one input line into the next turn's message; returns the error line when it is not one.</summary>
    private string? Read(string line, out IncomingMessage? message)
    {
        message = null;
        JsonLineInput? input;
        try
        {
            input = JsonSerializer.Deserialize<JsonLineInput>(line, Json);
        }
        catch (JsonException e)
        {
            return Error($"not a JSON object: {e.Message}");
        }

        if (input?.Text is null)
        {
            return Error("""each line must be a JSON object with a "text" field, e.g. {"text": "/start"}""");
        }

        var chat = string.IsNullOrWhiteSpace(input.Chat) ? options.DefaultChat : input.Chat;
        message = new IncomingMessage(ConversationKey.Terminal(chat).ToString(), input.Text, input.User, input.Lang);
        return null;
    }

    /// <summary>One output line for <paramref name="message"/>; its chat is the conversation id without <c>terminal:</c>.</summary>
    public static string Serialize(OutgoingMessage message, bool proactive, string? attachmentPath = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Serialize(ChatOf(message.ConversationId), message, proactive, attachmentPath);
    }

    /// <summary>The chat of a terminal conversation id (<c>terminal:anna</c> → <c>anna</c>); any other id as it is.</summary>
    public static string ChatOf(string conversationId) =>
        ConversationKey.TryParse(conversationId, out var key) && key.Channel == ConversationKey.TerminalChannel ? key.Id : conversationId;

    private static string Serialize(string chat, OutgoingMessage reply, bool proactive, string? attachmentPath) =>
        JsonSerializer.Serialize(
            new JsonLineOutput(
                chat,
                reply.Text,
                reply.Choices,
                reply.Recipes,
                reply.State,
                reply.Language,
                reply.Schedule is { } schedule ? new JsonSchedule(schedule.Rrule, schedule.TimeZone, schedule.Next) : null,
                reply.Attachment is { } file ? new JsonAttachment(file.FileName, file.ContentType, file.Content.Length, attachmentPath) : null,
                proactive ? true : null),
            Json);

    private static string Error(string message) => JsonSerializer.Serialize(new { error = message }, Json);

    private sealed record JsonLineInput(string? Text, string? Chat, string? User, string? Lang);

    // The output's own records, so that renaming an engine type never changes what scripts read.
    private sealed record JsonLineOutput(
        string Chat,
        string Text,
        IReadOnlyList<ChoiceView> Choices,
        IReadOnlyList<string> Recipes,
        string State,
        string Language,
        JsonSchedule? Schedule,
        JsonAttachment? Attachment,
        bool? Proactive);

    private sealed record JsonSchedule(string Rrule, string TimeZone, IReadOnlyList<DateTimeOffset> Next);

    private sealed record JsonAttachment(string FileName, string ContentType, int Size, string? Path);
}
