using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// A meeting occurrence's close-out buttons: <c>close:{meeting}:{occurrence UTC}</c> starts (or carries on with) it,
/// <c>close-skip:{meeting}:{occurrence UTC}</c> skips the question asked. The former "minutes published" button
/// (<c>minutes:…</c>, still under old messages) reads as the start of the close-out.
/// </summary>
public readonly record struct CloseOutButton(bool Skip, string MeetingId, DateTimeOffset Occurrence)
{
    public const string StartPrefix = "close:";
    public const string SkipPrefix = "close-skip:";

    /// <summary>The button of the bare "minutes published" follow-up that close-outs replaced.</summary>
    public const string LegacyMinutesPrefix = "minutes:";

    public string Id => string.Concat(Skip ? SkipPrefix : StartPrefix, MeetingId, ":", NotificationKeys.Occurrence(Occurrence));

    public static bool TryParse(string id, out CloseOutButton button)
    {
        button = default;
        var (skip, prefix) = id.StartsWith(SkipPrefix, StringComparison.Ordinal) ? (true, SkipPrefix)
            : id.StartsWith(StartPrefix, StringComparison.Ordinal) ? (false, StartPrefix)
            : id.StartsWith(LegacyMinutesPrefix, StringComparison.Ordinal) ? (false, LegacyMinutesPrefix)
            : (false, (string?)null);
        if (prefix is null)
        {
            return false;
        }

        var rest = id.AsSpan(prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || NotificationKeys.ParseOccurrence(rest[(colon + 1)..].ToString()) is not { } occurrence)
        {
            return false;
        }

        button = new CloseOutButton(skip, rest[..colon].ToString(), occurrence);
        return true;
    }

    public static bool IsSkip(string id) => id.StartsWith(SkipPrefix, StringComparison.Ordinal);
}
