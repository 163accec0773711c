namespace RecipeBot.Core.Stats;

/// <summary>The activity log in memory: for tests and a host without storage.</summary>
public sealed class InMemoryActivityLog(TimeZoneInfo? dayZone = null) : IActivityLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string, string, DateOnly), ActivityEvent> _events = [];
    private readonly TimeZoneInfo _zone = dayZone ?? TimeZoneInfo.Utc;

    public ValueTask RecordAsync(ActivityEvent activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(activity.At, _zone).DateTime);
        lock (_gate)
        {
            _events.TryAdd((activity.ConversationId, activity.Kind, activity.Subject, day), activity);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ActivityEvent>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<ActivityEvent>>(
                [.. _events.Values.Where(e => e.ConversationId == conversationId).OrderBy(e => e.At)]);
        }
    }

    public ValueTask EraseAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in _events.Keys.Where(k => k.Item1 == conversationId).ToList())
            {
                _events.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }
}
