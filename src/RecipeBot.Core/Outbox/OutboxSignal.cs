namespace RecipeBot.Core.Outbox;

/// <summary>Wakes the outbox senders when a turn or a reminder wrote rows, so a reply leaves at once rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Lock _lock = new();
    private readonly List<SemaphoreSlim> _waiters = [];

    /// <summary>A wait handle for one sender; released by every <see cref="Notify"/>.</summary>
    public SemaphoreSlim Subscribe()
    {
        var waiter = new SemaphoreSlim(0, 1);
        lock (_lock)
        {
            _waiters.Add(waiter);
        }

        return waiter;
    }

    public void Unsubscribe(SemaphoreSlim waiter)
    {
        lock (_lock)
        {
            _waiters.Remove(waiter);
        }
    }

    public void Notify()
    {
        lock (_lock)
        {
            foreach (var waiter in _waiters)
            {
                if (waiter.CurrentCount == 0)
                {
                    try
                    {
                        waiter.Release();
                    }
                    catch (SemaphoreFullException)
                    {
                        // Another notify got there first: the sender wakes once, which is all it needs.
                    }
                }
            }
        }
    }
}
