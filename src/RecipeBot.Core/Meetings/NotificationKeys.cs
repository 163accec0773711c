using System.Globalization;

namespace RecipeBot.Core.Meetings;

/// <summary>
/// Ledger keys and button ids of meeting notifications. A key names one notification for good:
/// <c>{meeting}/{occurrence UTC}/{kind}</c>, e.g. <c>k3x9.../20261208T1600Z/lead-1h</c>.
/// </summary>
public static class NotificationKeys
{
    /// <summary>Kind of the "publish the minutes" follow-up after a meeting.</summary>
    public const string Minutes = "minutes";

    /// <summary>Kind of the second minutes follow-up, 3 days later, when the first was not answered "done".</summary>
    public const string MinutesNudge = "minutes-nudge";

    /// <summary>Kind of the marker written when someone pressed "minutes published".</summary>
    public const string MinutesDone = "minutes-done";

    /// <summary>Button prefix of "minutes published": <c>minutes:{meeting}:{occurrence}</c>.</summary>
    public const string MinutesDoneChoicePrefix = Dialogs.MinutesButton.Prefix;

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

    public static string MinutesDoneChoice(string meetingId, DateTimeOffset occurrence) =>
        new Dialogs.MinutesButton(meetingId, occurrence).Id;
}
