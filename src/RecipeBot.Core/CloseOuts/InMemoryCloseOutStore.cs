namespace RecipeBot.Core.CloseOuts;

/// <summary>Close-outs in memory: for tests and a host without storage.</summary>
public sealed class InMemoryCloseOutStore : ICloseOutStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, DateTimeOffset), MeetingCloseOut> _closeOuts = [];

    public ValueTask SaveAsync(MeetingCloseOut closeOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closeOut);
        lock (_gate)
        {
            _closeOuts[(closeOut.MeetingId, closeOut.Occurrence.ToUniversalTime())] = closeOut;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<MeetingCloseOut?> GetAsync(string meetingId, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_closeOuts.GetValueOrDefault((meetingId, occurrence.ToUniversalTime())));
        }
    }

    public ValueTask<IReadOnlyList<MeetingCloseOut>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<MeetingCloseOut>>(
                [.. _closeOuts.Values.Where(c => c.ConversationId == conversationId).OrderBy(c => c.Occurrence).ThenBy(c => c.MeetingId, StringComparer.Ordinal)]);
        }
    }

    public ValueTask EraseAsync(string conversationId, string? closedBy, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in _closeOuts.Where(p => p.Value.ConversationId == conversationId && (closedBy is null || p.Value.ClosedBy == closedBy)).Select(p => p.Key).ToList())
            {
                _closeOuts.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }
}
