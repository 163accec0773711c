namespace RecipeBot.LoadDriver;

/// <summary>The figures of one run.</summary>
public sealed record LoadResult
{
    public required LoadOptions Options { get; init; }

    public required double MeasuredSeconds { get; init; }

    public required long MeasuredReplies { get; init; }

    public double UpdatesPerSecond => MeasuredReplies / MeasuredSeconds;

    public required LoadSession Session { get; init; }

    public required FakeBotApi Fake { get; init; }

    public long WebhookFailedPosts { get; init; }

    public long WebhookLost { get; init; }

    /// <summary>Updates still without a reply when the drain gave up.</summary>
    public required long Missing { get; init; }

    public required long SenderSent { get; init; }

    public required long SenderRetried { get; init; }

    public required long SenderDropped { get; init; }

    public required DatabaseCheck? Database { get; init; }

    /// <summary>SQLite file and WAL at the end of the measured window.</summary>
    public required long DatabaseBytes { get; init; }

    /// <summary>The process's CPU time (bot, fake and users together) over the measured window.</summary>
    public required TimeSpan CpuTime { get; init; }

    /// <summary>Over the window: the threads' time on a core and time ready but waiting for one (Linux only).</summary>
    public SchedulerStatistics Scheduler { get; init; }

    /// <summary>The CPU time as a share of all cores.</summary>
    public double CpuShare => CpuTime / (TimeSpan.FromSeconds(MeasuredSeconds) * Environment.ProcessorCount);

    /// <summary>CPU time per update handled; the cores divided by this is the most the process could do.</summary>
    public double CpuMicrosecondsPerUpdate => MeasuredReplies == 0 ? double.NaN : CpuTime.TotalMicroseconds / MeasuredReplies;

    /// <summary>Bytes allocated by the process (bot, fake and users) over the window.</summary>
    public required long AllocatedBytes { get; init; }

    public double AllocatedKilobytesPerUpdate => MeasuredReplies == 0 ? double.NaN : AllocatedBytes / 1024.0 / MeasuredReplies;

    public required int Gen0 { get; init; }

    public required int Gen1 { get; init; }

    public required int Gen2 { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>The machine's load averages (Linux) at the end of the window: other work competing for the cores.</summary>
    public string? LoadAverage { get; init; }

    /// <summary>Every update answered exactly once, on script, and counted once as a turn.</summary>
    public bool ExactlyOnce =>
        Missing == 0 && Session.Unmatched == 0 && Session.OffScript == 0 && Session.UnknownChats == 0
        && Session.Replies == Session.UpdatesSent && (Database is null || (Database.Turns == Session.UpdatesSent && Database.InboxLeft == 0));
}
