using System.Diagnostics;

namespace RecipeBot.LoadDriver;

/// <summary>
/// What the fake received in a reminder run, judged per chat: each of chats 1 … n must get exactly one
/// reminder naming its own meeting; and how fast they came, by arrival time.
/// </summary>
public sealed class ReminderDeliveries
{
    private const string ReminderMark = "Reminder: ";
    private const string LateMark = "Late reminder: ";
    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(10);

    public ReminderDeliveries(IReadOnlyList<OutboxMessage> accepted, int chats, long dueAt)
    {
        var counts = new int[chats + 1];
        foreach (var message in accepted)
        {
            var ours = message.ChatId >= 1 && message.ChatId <= chats
                && message.Text.Contains(ReminderSeeder.Title(message.ChatId), StringComparison.Ordinal)
                && (message.Text.Contains(ReminderMark, StringComparison.Ordinal) || message.Text.Contains(LateMark, StringComparison.Ordinal));
            if (!ours)
            {
                Strays++;
                continue;
            }

            counts[message.ChatId]++;
            if (message.Text.Contains(LateMark, StringComparison.Ordinal))
            {
                MarkedLate++;
            }
        }

        for (var chat = 1; chat <= chats; chat++)
        {
            Missing += counts[chat] == 0 ? 1 : 0;
            Duplicates += Math.Max(0, counts[chat] - 1);
        }

        Messages = accepted.Count;
        if (accepted.Count == 0)
        {
            return;
        }

        var first = accepted[0].ArrivedAt;
        var last = accepted[^1].ArrivedAt;
        Span = Stopwatch.GetElapsedTime(first, last);
        FirstDelay = Stopwatch.GetElapsedTime(dueAt, first);
        LastDelay = Stopwatch.GetElapsedTime(dueAt, last);
        Rate = accepted.Count > 1 ? (accepted.Count - 1) / Span.TotalSeconds : double.NaN;
        MaxInAnySecond = MaxInWindow(accepted, Stopwatch.Frequency);
        LongestPause = accepted.Zip(accepted.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.ArrivedAt, b.ArrivedAt)).DefaultIfEmpty().Max();
        (BucketMin, BucketMax, FullBuckets) = Buckets(accepted, first);
    }

    /// <summary>Messages accepted, whatever they were.</summary>
    public int Messages { get; }

    public int Missing { get; }

    public int Duplicates { get; }

    /// <summary>Messages that were not a reminder of the chat's own meeting, or went to a chat outside 1 … n.</summary>
    public int Strays { get; }

    /// <summary>Reminders sent with the "late" wording.</summary>
    public int MarkedLate { get; }

    /// <summary>First to last arrival.</summary>
    public TimeSpan Span { get; }

    /// <summary>Messages per second between the first and the last arrival.</summary>
    public double Rate { get; } = double.NaN;

    /// <summary>Lowest and highest rate in a whole 10-s bucket counted from the first arrival (the last, partial one left out).</summary>
    public double BucketMin { get; } = double.NaN;

    public double BucketMax { get; } = double.NaN;

    public int FullBuckets { get; }

    /// <summary>The most accepted messages whose arrivals fall within one second of each other.</summary>
    public int MaxInAnySecond { get; }

    /// <summary>The longest time between two deliveries: a stall (at 30/s the sender pauses up to a second per window).</summary>
    public TimeSpan LongestPause { get; }

    public TimeSpan FirstDelay { get; }

    public TimeSpan LastDelay { get; }

    public bool ExactlyOnce => Missing == 0 && Duplicates == 0 && Strays == 0;

    private static int MaxInWindow(IReadOnlyList<OutboxMessage> accepted, long window)
    {
        var max = 0;
        var from = 0;
        for (var to = 0; to < accepted.Count; to++)
        {
            while (accepted[to].ArrivedAt - accepted[from].ArrivedAt >= window)
            {
                from++;
            }

            max = Math.Max(max, to - from + 1);
        }

        return max;
    }

    private static (double Min, double Max, int Full) Buckets(IReadOnlyList<OutboxMessage> accepted, long first)
    {
        var counts = new List<int>();
        foreach (var message in accepted)
        {
            var index = (int)(Stopwatch.GetElapsedTime(first, message.ArrivedAt) / Bucket);
            while (counts.Count <= index)
            {
                counts.Add(0);
            }

            counts[index]++;
        }

        // The last bucket is cut short by the end of the burst.
        var full = counts.Count > 1 ? counts[..^1] : counts;
        return (full.Min() / Bucket.TotalSeconds, full.Max() / Bucket.TotalSeconds, counts.Count - 1);
    }
}
