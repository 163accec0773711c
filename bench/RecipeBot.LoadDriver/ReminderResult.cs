namespace RecipeBot.LoadDriver;

/// <summary>The figures of one reminder run.</summary>
public sealed record ReminderResult
{
    public const double GoalPerSecond = 28;

    public required LoadOptions Options { get; init; }

    public required int Chats { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Writing the meetings into SQLite.</summary>
    public required TimeSpan Seeding { get; init; }

    /// <summary>From starting the bot until it was up (StartAsync returned).</summary>
    public required TimeSpan Startup { get; init; }

    /// <summary>From starting the bot until its start-up catch-up (every meeting's timer set) was done; null if it never finished.</summary>
    public required TimeSpan? CatchUp { get; init; }

    /// <summary>From the bot being up until the due time.</summary>
    public required TimeSpan UpToDue { get; init; }

    public required ReminderDeliveries Deliveries { get; init; }

    public required long GlobalRefusals { get; init; }

    public required long ChatRefusals { get; init; }

    public long Refusals => GlobalRefusals + ChatRefusals;

    public required long SenderSent { get; init; }

    public required long SenderRetried { get; init; }

    public required long SenderRateLimited { get; init; }

    public required long SenderDropped { get; init; }

    public LedgerCheck? Ledger { get; init; }

    /// <summary>The process's CPU time from the due time to the last delivery, and from starting the bot to stopping it.</summary>
    public required TimeSpan BurstCpu { get; init; }

    public required TimeSpan BotCpu { get; init; }

    public required TimeSpan BotWall { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public required long PeakManagedHeapBytes { get; init; }

    public required long DatabaseBytes { get; init; }

    public string? LoadAverage { get; init; }

    /// <summary>Every chat got its reminder once and the ledger agrees: n 1-hour rows, none pending or skipped, nothing else claimed.</summary>
    public bool ExactlyOnce =>
        Deliveries.ExactlyOnce
        && Ledger is { } ledger
        && ledger.HourReminders == Chats && ledger.Other == 0
        && ledger.Count("sent") + ledger.Count("sent-late") == Chats;

    public bool OnTime => Ledger is { } ledger && ledger.Count("sent") == Chats && Deliveries.MarkedLate == 0;

    public bool GoalMet => ExactlyOnce && OnTime && Refusals == 0 && Deliveries.Rate >= GoalPerSecond;
}
