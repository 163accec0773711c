namespace RecipeBot.Core.Turns;

/// <summary>
/// One turn at a time per conversation: the engine loads, changes and saves a conversation, so two
/// posts for the same conversation (a quick double press, a redelivery racing the original) must
/// not overlap. Different conversations never wait for each other.
/// </summary>
public sealed class ConversationGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _entries[conversationId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(conversationId, entry, release: false);
            throw;
        }

        return new Releaser(this, conversationId, entry);
    }

    private void Leave(string conversationId, Entry entry, bool release)
    {
        if (release)
        {
            entry.Semaphore.Release();
        }

        lock (_lock)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ConversationGate gate, string conversationId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Leave(conversationId, entry, release: true);
            }
        }
    }
}
