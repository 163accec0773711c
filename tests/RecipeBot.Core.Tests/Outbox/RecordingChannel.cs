using System.Collections.Concurrent;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Tests.Outbox;

/// <summary>A channel whose answer to each message the test decides; it records what it was handed and when.</summary>
public sealed class RecordingChannel(string prefix = "test:") : IChannelSender
{
    private readonly ConcurrentQueue<OutgoingMessage> _handed = new();
    private int _concurrent;

    public string Prefix => prefix;

    /// <summary>Decides the outcome; by default every message is sent.</summary>
    public Func<OutgoingMessage, Task<SendOutcome>> Answer { get; set; } = _ => Task.FromResult(SendOutcome.Sent);

    public IReadOnlyList<OutgoingMessage> Handed => [.. _handed];

    /// <summary>The most messages of one conversation the channel had at once.</summary>
    public int MostAtOnce { get; private set; }

    public async ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        _handed.Enqueue(message);
        var now = Interlocked.Increment(ref _concurrent);
        MostAtOnce = Math.Max(MostAtOnce, now);
        try
        {
            return await Answer(message).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _concurrent);
        }
    }
}
