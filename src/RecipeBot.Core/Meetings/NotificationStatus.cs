namespace RecipeBot.Core.Meetings;

/// <summary>What became of one claimed notification in the ledger.</summary>
public enum NotificationStatus
{
    /// <summary>Claimed, the send has not been confirmed (a crash in between leaves it here).</summary>
    Pending,

    Sent,

    /// <summary>Sent after its time, within the lead time (the message says it is late).</summary>
    SentLate,

    /// <summary>Too late to be useful; logged and not sent.</summary>
    Skipped,

    /// <summary>The chat blocked the bot or no channel could take the message.</summary>
    Undeliverable,

    /// <summary>A marker, not a message: e.g. "minutes published" for one meeting.</summary>
    Done,
}
