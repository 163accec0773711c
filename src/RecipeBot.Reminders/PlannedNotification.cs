namespace RecipeBot.Reminders;

/// <summary>
/// One notification of one meeting occurrence: a reminder (kind <c>lead-…</c>), the minutes follow-up or
/// its nudge. <paramref name="Allowance"/> is how late it may still be sent (marked late); at or past it
/// the notification is skipped.
/// </summary>
/// <param name="Key">The ledger key, <c>{meeting}/{occurrence}/{kind}</c>.</param>
public sealed record PlannedNotification(
    string Key,
    string Kind,
    string MeetingId,
    DateTimeOffset Occurrence,
    DateTimeOffset DueAt,
    TimeSpan Allowance);
