using System.Text.Json.Nodes;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>
/// Telegram's pending-update queue: updates stay until a getUpdates with a higher offset confirms them.
/// </summary>
internal sealed class FakeUpdateQueue
{
    private readonly Lock _gate = new();
    private readonly List<(long Id, string Json)> _pending = [];
    private long _lastId;
    private TaskCompletionSource _arrived = NewSignal();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public long Enqueue(string updateJsonWithoutId)
    {
        var payload = ParseObject(updateJsonWithoutId);
        if (payload.ContainsKey("update_id"))
        {
            throw new ArgumentException("The update already has an update_id; use EnqueueRawUpdate to choose ids yourself.", nameof(updateJsonWithoutId));
        }

        lock (_gate)
        {
            var id = ++_lastId;
            var update = new JsonObject { ["update_id"] = id };
            foreach (var (key, value) in payload.ToList())
            {
                payload.Remove(key);
                update[key] = value;
            }

            Add(id, update.ToJsonString());
            return id;
        }
    }

    public long EnqueueRaw(string fullJson)
    {
        var update = ParseObject(fullJson);
        if (update["update_id"] is not JsonValue value || !value.TryGetValue<long>(out var id))
        {
            throw new ArgumentException("A raw update needs a numeric update_id.", nameof(fullJson));
        }

        lock (_gate)
        {
            _lastId = Math.Max(_lastId, id);
            Add(id, fullJson);
            return id;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>
    /// Confirms what <paramref name="offset"/> confirms, then returns up to <paramref name="limit"/> pending
    /// updates, waiting up to <paramref name="wait"/> for one to arrive when there are none.
    /// </summary>
    public async Task<IReadOnlyList<string>> TakeAsync(long? offset, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var waitOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waitOver.CancelAfter(wait);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                Confirm(offset);
                if (_pending.Count > 0 || waitOver.IsCancellationRequested)
                {
                    return [.. _pending.Take(limit).Select(update => update.Json)];
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(waitOver.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The long poll is over; the loop answers with whatever is there (usually nothing).
            }
        }
    }

    private void Confirm(long? offset)
    {
        switch (offset)
        {
            case > 0:
                _pending.RemoveAll(update => update.Id < offset);
                break;
            case < 0:
                // As Telegram: the last -offset updates are returned and all earlier ones forgotten.
                var keep = (int)Math.Min(-offset.Value, _pending.Count);
                _pending.RemoveRange(0, _pending.Count - keep);
                break;
        }
    }

    private void Add(long id, string json)
    {
        var index = _pending.FindIndex(update => update.Id > id);
        _pending.Insert(index < 0 ? _pending.Count : index, (id, json));
        var arrived = _arrived;
        _arrived = NewSignal();
        arrived.TrySetResult();
    }

    private static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("An update must be a JSON object.", nameof(json));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
