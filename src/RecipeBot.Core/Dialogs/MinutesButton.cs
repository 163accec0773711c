using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Dialogs;

/// <summary>"Minutes published" under a follow-up: <c>minutes:{meeting}:{occurrence UTC}</c>.</summary>
public readonly record struct MinutesButton(string MeetingId, DateTimeOffset Occurrence)
{
    public const string Prefix = "minutes:";

    public string Id => string.Concat(Prefix, MeetingId, ":", NotificationKeys.Occurrence(Occurrence));

    public static bool TryParse(string id, out MinutesButton button)
    {
        button = default;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = id.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || NotificationKeys.ParseOccurrence(rest[(colon + 1)..].ToString()) is not { } occurrence)
        {
            return false;
        }

        button = new MinutesButton(rest[..colon].ToString(), occurrence);
        return true;
    }
}
