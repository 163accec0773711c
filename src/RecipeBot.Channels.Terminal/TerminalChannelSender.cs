using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal;

/// <summary>
/// Proactive messages (reminders) to <c>terminal:</c> conversations, written to the terminal between the chat's own
/// replies: a block starting with 🔔 in the interactive chat, a line with <c>"proactive": true</c> in JSON lines.
/// </summary>
public sealed class TerminalChannelSender(TerminalOutput output, TerminalOptions options) : IChannelSender
{
    public string Prefix => "terminal:";

    public async ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.ConversationId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SendOutcome.NoRoute;
        }

        var block = options.JsonLines
            ? JsonLinesChat.Serialize(message, proactive: true) + Environment.NewLine
            : InteractiveChat.Render(message, InteractiveChat.ProactiveMark);
        await output.InterruptAsync(block, cancellationToken).ConfigureAwait(false);
        return SendOutcome.Sent;
    }
}
