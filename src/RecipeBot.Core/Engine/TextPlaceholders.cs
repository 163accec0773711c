using System.Collections.Frozen;

namespace RecipeBot.Core.Engine;

/// <summary>
/// The <c>{placeholder}</c>s the bot fills in each text of <c>texts.yaml</c>; <c>validate</c> rejects any other, and
/// a text must use the same ones in every language. <c>a|b</c> are alternatives: each language uses one of them
/// (Estonian dates say <c>{monthnumber}</c> where English says <c>{month}</c>).
/// </summary>
public static class TextPlaceholders
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByKey { get; } = Build();

    /// <summary>The placeholders <paramref name="key"/> may use; none for a text the bot shows as it is.</summary>
    public static IReadOnlyList<string> Of(string key) => ByKey.TryGetValue(key, out var names) ? names : [];

    private static FrozenDictionary<string, IReadOnlyList<string>> Build()
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [TextKeys.RecipesIntro] = ["situation"],
            [TextKeys.RecipeForOthers] = ["roles"],
            [Flow.EffectiveChoices.MethodLabelKey] = ["title"],
            [Flow.EffectiveChoices.CardLabelKey] = ["title"],
            [Flow.EffectiveChoices.RecipeLabelKey] = ["title"],
            [TextKeys.TooLong] = ["max"],
            [TextKeys.UnknownLanguage] = ["languages"],
            ["schedule-confirm"] = ["summary", "zone", "dates", "leads"],
            ["schedule-ask-change"] = ["summary"],
            ["lead-day-before-at"] = ["n", "time"],
            ["lead-days-before-at"] = ["n", "time"],
            ["lead-hours-before"] = ["n"],
            ["lead-minutes-before"] = ["n"],
            ["schedule-saved"] = ["summary"],
            ["schedule-changed"] = ["summary"],
            ["schedule-once-summary"] = ["when"],
            ["schedule-weekly-summary"] = ["days", "n", "time"],
            ["schedule-every-n-weeks-summary"] = ["days", "n", "time"],
            ["schedule-monthly-summary"] = ["day", "time"],
            ["schedule-every-n-months-summary"] = ["every", "day", "time"],
            ["schedule-monthly-date-summary"] = ["every", "date", "time"],
            ["schedule-title-place"] = ["summary", "details"],
            ["timezone-changed"] = ["zone"],
            ["timezone-current"] = ["zone"],
            ["meetings-item"] = ["n", "summary", "status", "next"],
            ["meetings-open"] = ["n"],
            ["meeting-details"] = ["summary", "status", "dates"],
            ["meeting-paused"] = ["summary"],
            ["meeting-resumed"] = ["summary"],
            ["meeting-cancelled"] = ["summary"],
            ["meeting-ics-caption"] = ["summary"],
            [Meetings.MeetingMessages.ReminderKey] = ["title", "when", "place"],
            [Meetings.MeetingMessages.ReminderLateKey] = ["title", "when", "place"],
            [Meetings.MeetingMessages.CloseKey] = ["title", "when"],
            [Meetings.MeetingMessages.CloseReminderKey] = ["title", "when"],
            [Meetings.MeetingMessages.CloseLastReminderKey] = ["title", "when"],
            ["close-intro"] = ["title", "when"],
            ["close-already"] = ["title", "when"],
            ["close-done"] = ["title", "when", "minutes", "attendees", "organisations", "decisions"],
            ["stats-title"] = ["period"],
            ["stats-line"] = ["label", "value"],
            ["stats-export-caption"] = ["period"],
            ["try-noted"] = ["date"],
            ["privacy-notice"] = ["days"],
            ["privacy"] = ["days", "webdays"],
            [Meetings.MeetingMessages.NextStepKey] = ["situation"],
            [Meetings.MeetingMessages.DateFormatKey] = ["weekday", "day", "month", "year", "time"],
            ["date-short"] = ["weekday", "day", "month|monthnumber"],
            ["date-on"] = ["weekday", "day", "month|monthnumber"],
        };
        foreach (var (key, names) in Plans.PlanMessages.Placeholders)
        {
            keys[key] = names;
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
