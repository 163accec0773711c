using System.Collections.Concurrent;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>A channel for conversations <c>test:…</c> that records what it is given and answers as told.</summary>
public sealed class RecordingSender : IChannelSender
{
    private readonly ConcurrentQueue<OutgoingMessage> _sent = new();
    private readonly ConcurrentDictionary<string, SendOutcome> _outcomes = new(StringComparer.Ordinal);

    public string Prefix => "test:";

    /// <summary>Messages the channel accepted, in order.</summary>
    public IReadOnlyList<OutgoingMessage> Sent => [.. _sent];

    /// <summary>How many times a send was attempted, accepted or not.</summary>
    public int Attempts => _attempts;

    private int _attempts;

    /// <summary>From now on, sends to <paramref name="conversationId"/> end with <paramref name="outcome"/>.</summary>
    public void Answer(string conversationId, SendOutcome outcome) => _outcomes[conversationId] = outcome;

    public ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var outcome = _outcomes.GetValueOrDefault(message.ConversationId, SendOutcome.Sent);
        if (outcome == SendOutcome.Sent)
        {
            _sent.Enqueue(message);
        }

        return ValueTask.FromResult(outcome);
    }
}
