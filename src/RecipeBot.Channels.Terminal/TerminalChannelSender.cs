using RecipeBot.Core.Conversations;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal;

/// <summary>
/// The terminal's outbox sender: replies and proactive messages (reminders) to <c>terminal:</c> conversations. A
/// reminder comes between the chat's own replies: a block starting with 🔔 in the interactive chat, a line with
/// <c>"proactive": true</c> in JSON lines. A file is written to disk (<see cref="TerminalFiles"/>) and its path named;
/// the farewell of an erased chat deletes its files.
/// </summary>
public sealed class TerminalChannelSender(TerminalOutput output, TerminalOptions options) : IChannelSender
{
    public static readonly string ConversationPrefix = ConversationKey.PrefixOf(ConversationKey.TerminalChannel);

    public string Prefix => ConversationPrefix;

    public async ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.ConversationId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SendOutcome.NoRoute;
        }

        var files = new TerminalFiles(options);
        var chat = JsonLinesChat.ChatOf(message.ConversationId);
        var path = message.Attachment is { } file ? await files.WriteAsync(chat, file.FileName, file.Content, cancellationToken).ConfigureAwait(false) : null;
        if (message.Farewell)
        {
            files.Forget(chat);
        }

        var block = options.JsonLines
            ? JsonLinesChat.Serialize(message, message.Proactive, path) + Environment.NewLine
            : InteractiveChat.Render(message, message.Proactive ? InteractiveChat.ProactiveMark : string.Empty, path);
        if (message.Proactive)
        {
            await output.InterruptAsync(block, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(block, cancellationToken).ConfigureAwait(false);
        }
        return SendOutcome.Sent;
    }
}
