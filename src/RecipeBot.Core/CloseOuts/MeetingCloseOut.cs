namespace RecipeBot.Core.CloseOuts;

/// <summary>
/// What a working group records after one meeting (Decidim's "close meeting"): where the minutes are, how many came,
/// which organisations were represented and what was decided. Saved after every answer, so a half-finished close-out
/// survives a restart and carries on where it stopped; a meeting counts as closed once <see cref="ClosedAt"/> is set.
/// </summary>
/// <param name="Occurrence">The start of the meeting closed (one occurrence of the series).</param>
/// <param name="ClosedBy">The channel's user id of whoever closed it (null in the terminal).</param>
public sealed record MeetingCloseOut(
    string MeetingId,
    DateTimeOffset Occurrence,
    string ConversationId,
    string? ClosedBy,
    CloseOutStep Step,
    string? MinutesLink,
    int? Attendees,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<CloseOutDecision> Decisions,
    DateTimeOffset StartedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>Most attendees a close-out takes: a village meeting, not a stadium.</summary>
    public const int MaxAttendees = 100_000;

    public bool IsClosed => ClosedAt is not null;

    /// <summary>A round table with the community: closed, and somebody came.</summary>
    public bool HeldWithAttendance => IsClosed && Attendees > 0;

    public static MeetingCloseOut Begin(string meetingId, DateTimeOffset occurrence, string conversationId, string? userId, DateTimeOffset now) =>
        new(meetingId, occurrence, conversationId, userId, CloseOutStep.Minutes, null, null, [], [], now, null);
}
