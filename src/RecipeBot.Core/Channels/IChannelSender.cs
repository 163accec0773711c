using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Channels;

/// <summary>What became of a message sent by the bot on its own (a reminder, a prompt).</summary>
public enum SendOutcome
{
    /// <summary>The channel accepted it.</summary>
    Sent,

    /// <summary>The chat blocked or removed the bot; its meetings should pause.</summary>
    Blocked,

    /// <summary>This sender does not serve the conversation (another channel's id, no stored reference).</summary>
    NoRoute,

    /// <summary>The channel refused it for now (network, 5xx); try again later.</summary>
    Failed,

    /// <summary>The channel refused this message for good (a bad request): sending it again changes nothing.</summary>
    Rejected,
}

/// <summary>
/// Sends a message into a conversation nobody just wrote in. One per channel (terminal, Telegram,
/// Teams); <see cref="ChannelSenders"/> picks by the conversation id's prefix. Completes when the
/// channel has accepted or refused the message, going through the channel's rate-limited queue.
/// </summary>
public interface IChannelSender
{
    /// <summary>The conversation id prefix this sender serves, e.g. <c>telegram:</c>.</summary>
    string Prefix { get; }

    ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>All registered senders; routes a message by its conversation id.</summary>
public sealed class ChannelSenders(IEnumerable<IChannelSender> senders)
{
    private readonly IChannelSender[] _senders = [.. senders];

    /// <summary>Whether a registered sender serves <paramref name="conversationId"/>; a process without that channel must leave its reminders alone.</summary>
    public bool Serves(string conversationId) =>
        _senders.Any(s => conversationId.StartsWith(s.Prefix, StringComparison.Ordinal));

    public ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        foreach (var sender in _senders)
        {
            if (message.ConversationId.StartsWith(sender.Prefix, StringComparison.Ordinal))
            {
                return sender.SendAsync(message, cancellationToken);
            }
        }

        return ValueTask.FromResult(SendOutcome.NoRoute);
    }
}
