namespace RecipeBot.Core.Meetings;

/// <summary>What became of one claimed notification in the ledger.</summary>
public enum NotificationStatus
{
    /// <summary>Claimed, not yet in the outbox (a crash in between leaves it here).</summary>
    Pending,

    /// <summary>Written to the outbox, which delivers it.</summary>
    Sent,

    /// <summary>Written to the outbox after its time, within the lead time (the message says it is late).</summary>
    SentLate,

    /// <summary>Too late to be useful; logged and not sent.</summary>
    Skipped,

    /// <summary>The chat blocked or removed the bot; not sent.</summary>
    Undeliverable,

    /// <summary>A marker, not a message: e.g. "minutes published" for one meeting.</summary>
    Done,
}
