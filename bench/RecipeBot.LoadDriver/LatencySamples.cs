using System.Diagnostics;

namespace RecipeBot.LoadDriver;

/// <summary>Durations in <see cref="Stopwatch"/> ticks, recorded from any thread; percentiles by nearest rank.</summary>
public sealed class LatencySamples
{
    private readonly Lock _gate = new();
    private readonly List<long> _ticks = new(1 << 16);
    private long[]? _sorted;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ticks.Count;
            }
        }
    }

    public void Add(long ticks)
    {
        lock (_gate)
        {
            _ticks.Add(ticks);
            _sorted = null;
        }
    }

    /// <summary>The <paramref name="percentile"/> (0–100) in milliseconds; NaN without samples.</summary>
    public double Milliseconds(double percentile)
    {
        var sorted = Sorted();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return ToMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    public double MaxMilliseconds() => Sorted() is { Length: > 0 } sorted ? ToMilliseconds(sorted[^1]) : double.NaN;

    public double MeanMilliseconds() => Sorted() is { Length: > 0 } sorted ? ToMilliseconds((long)sorted.Average()) : double.NaN;

    private long[] Sorted()
    {
        lock (_gate)
        {
            if (_sorted is null)
            {
                _sorted = [.. _ticks];
                Array.Sort(_sorted);
            }

            return _sorted;
        }
    }

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
