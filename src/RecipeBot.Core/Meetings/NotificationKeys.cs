using System.Globalization;

namespace RecipeBot.Core.Meetings;

/// <summary>
/// Ledger keys and button ids of meeting notifications. A key names one notification for good:
/// <c>{meeting}/{occurrence UTC}/{kind}</c>, e.g. <c>k3x9.../20261208T1600Z/lead-1h</c>.
/// </summary>
public static class NotificationKeys
{
    /// <summary>Kind of the question after a meeting: close it (minutes, attendance, organisations, decisions).</summary>
    public const string Close = "close";

    /// <summary>How the kinds of the reminders to close a meeting start: <c>close-3d</c>, <c>close-7d</c> (days after its start).</summary>
    public const string CloseReminderPrefix = "close-";

    /// <summary>
    /// Kind of the marker the former "minutes published" button wrote (the follow-ups before close-outs were
    /// <c>minutes</c> and <c>minutes-nudge</c>): such an occurrence counts as closed, so it gets no reminders to close it.
    /// </summary>
    public const string LegacyMinutesDone = "minutes-done";

    /// <summary>Button prefix of closing a meeting: <c>close:{meeting}:{occurrence}</c>.</summary>
    public const string CloseChoicePrefix = Dialogs.CloseOutButton.StartPrefix;

    /// <summary>Button prefixes of the next-step question: <c>step:done:{situation}</c>, <c>step:stuck:{situation}</c>.</summary>
    public const string StepDoneChoicePrefix = Dialogs.NextStepButton.DonePrefix;

    public const string StepStuckChoicePrefix = Dialogs.NextStepButton.StuckPrefix;

    /// <summary>An occurrence as it appears in keys and buttons: UTC, to the minute.</summary>
    public static string Occurrence(DateTimeOffset start) =>
        start.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseOccurrence(string text) =>
        DateTime.TryParseExact(text, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : null;

    public static string Meeting(string meetingId, DateTimeOffset occurrence, string kind) =>
        $"{meetingId}/{Occurrence(occurrence)}/{kind}";

    public static string NextStep(NextStep step) =>
        $"next-step/{step.ConversationId}/{step.SituationId}/{Occurrence(step.DueAt)}";

    /// <summary>How every key of the meeting's notifications starts.</summary>
    public static string MeetingPrefix(string meetingId) => meetingId + "/";

    /// <summary>How every key of the conversation's next-step questions starts.</summary>
    public static string NextStepPrefix(string conversationId) => $"next-step/{conversationId}/";

    public static string CloseChoice(string meetingId, DateTimeOffset occurrence) =>
        new Dialogs.CloseOutButton(Skip: false, meetingId, occurrence).Id;

    /// <summary>The kind of the reminder to close a meeting <paramref name="days"/> days after its start.</summary>
    public static string CloseReminder(int days) =>
        string.Create(CultureInfo.InvariantCulture, $"{CloseReminderPrefix}{days}d");

    /// <summary>The days of a <see cref="CloseReminder"/> kind; null for any other kind.</summary>
    public static int? CloseReminderDays(string kind) =>
        kind.StartsWith(CloseReminderPrefix, StringComparison.Ordinal) && kind.EndsWith('d')
        && int.TryParse(kind.AsSpan(CloseReminderPrefix.Length, kind.Length - CloseReminderPrefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
        && days > 0
            ? days
            : null;

    /// <summary>Whether the kind asks to close the meeting (the question or one of its reminders).</summary>
    public static bool IsClose(string kind) => kind == Close || CloseReminderDays(kind) is not null;
}
