using System.Diagnostics;

namespace RecipeBot.LoadDriver;

/// <summary>Samples the process's working set and managed heap every <c>interval</c> until disposed, keeping the highest.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakWorkingSet;
    private long _peakHeap;

    public MemorySampler(TimeSpan interval)
    {
        _sampling = SampleAsync(interval, _stop.Token);
    }

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    public long PeakManagedHeapBytes => Interlocked.Read(ref _peakHeap);

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        do
        {
            process.Refresh();
            Max(ref _peakWorkingSet, process.WorkingSet64);
            Max(ref _peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
        while (await Next(timer, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Max(ref long peak, long value)
    {
        var seen = Interlocked.Read(ref peak);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref peak, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        _stop.Dispose();
    }
}
