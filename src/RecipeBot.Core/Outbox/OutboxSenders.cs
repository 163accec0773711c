using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;

namespace RecipeBot.Core.Outbox;

/// <summary>One <see cref="OutboxSender"/> for each channel sender registered in the process.</summary>
public sealed class OutboxSenders(
    IEnumerable<IChannelSender> channels,
    IOutboxStore outbox,
    OutboxSignal signal,
    TimeProvider time,
    ILoggerFactory loggers,
    IChatDirectory? chats = null)
{
    private readonly OutboxSender[] _senders =
        [.. channels.Select(channel => new OutboxSender(outbox, channel, signal, time, loggers.CreateLogger<OutboxSender>(), chats))];

    public IReadOnlyList<OutboxSender> All => _senders;

    /// <summary>The sender of the channel whose conversation ids start with <paramref name="prefix"/>.</summary>
    public OutboxSender For(string prefix) =>
        _senders.FirstOrDefault(s => s.Prefix == prefix) ?? throw new InvalidOperationException($"No channel sender serves '{prefix}'.");
}
