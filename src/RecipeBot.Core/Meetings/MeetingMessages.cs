using RecipeBot.Core.Content;
using System.Globalization;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Meetings;

/// <summary>
/// The words of meeting notifications and schedule confirmations, from <c>texts.yaml</c>, in the
/// meeting's language. Dates are written in the meeting's time zone with our own month and
/// weekday names, so no culture data of the machine is needed.
/// </summary>
public sealed class MeetingMessages(CompiledFlow flow)
{
    public const string ReminderKey = "meeting-reminder";
    public const string ReminderLateKey = "meeting-reminder-late";
    public const string MinutesKey = "meeting-minutes";
    public const string MinutesNudgeKey = "meeting-minutes-nudge";
    public const string MinutesDoneLabelKey = "meeting-minutes-done-label";
    public const string NextStepKey = "next-step-question";
    public const string NextStepDoneLabelKey = "next-step-done-label";
    public const string NextStepStuckLabelKey = "next-step-stuck-label";
    public const string DateFormatKey = "date-format";
    public const string DefaultTitleKey = "meeting-default-title";
    public const string PlaceKey = "meeting-place";

    private static readonly string[] WeekdayCodes = ["su", "mo", "tu", "we", "th", "fr", "sa"];

    /// <summary>The text keys this class needs; the validator requires each.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        ReminderKey, ReminderLateKey, MinutesKey, MinutesNudgeKey, MinutesDoneLabelKey, NextStepKey,
        NextStepDoneLabelKey, NextStepStuckLabelKey, DateFormatKey, DefaultTitleKey, PlaceKey,
        "date-short", "schedule-once-summary", "schedule-weekly-summary", "schedule-every-n-weeks-summary",
        "schedule-monthly-summary", "schedule-title-place",
        .. WeekdayCodes.Select(c => "weekday-" + c),
        .. WeekdayCodes.Select(c => "weekday-on-" + c),
        .. WeekdayCodes.Select(c => "monthly-" + c),
        .. WeekdayCodes.Select(c => "monthly-last-" + c),
        .. Enumerable.Range(1, 5).Select(n => "nth-" + n.ToString(CultureInfo.InvariantCulture)),
        .. Enumerable.Range(1, 12).Select(m => "month-" + m.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>"Reminder: {title} — {when}{place}"; <paramref name="late"/> says it comes after its time.</summary>
    public OutgoingMessage Reminder(Meeting meeting, DateTimeOffset occurrence, bool late)
    {
        var text = TextTemplate.Render(
            Text(late ? ReminderLateKey : ReminderKey, meeting.Language),
            ("title", Title(meeting)),
            ("when", When(occurrence, meeting.Schedule.TimeZone, meeting.Language)),
            ("place", Place(meeting)));
        return Message(meeting.ConversationId, meeting.Language, text, []);
    }

    /// <summary>After a meeting: publish the minutes (arguments for and against, the decision), with a "done" button.</summary>
    public OutgoingMessage MinutesFollowUp(Meeting meeting, DateTimeOffset occurrence, bool nudge)
    {
        var text = TextTemplate.Render(
            Text(nudge ? MinutesNudgeKey : MinutesKey, meeting.Language),
            ("title", Title(meeting)),
            ("when", When(occurrence, meeting.Schedule.TimeZone, meeting.Language)));
        return Message(
            meeting.ConversationId,
            meeting.Language,
            text,
            [new ChoiceView(NotificationKeys.MinutesDoneChoice(meeting.Id, occurrence), Text(MinutesDoneLabelKey, meeting.Language))]);
    }

    /// <summary>A week after "I'll try it": how did it go? Done → next step; still stuck → diagnose again.</summary>
    public OutgoingMessage NextStepQuestion(NextStep step)
    {
        var situation = flow.Content.SituationsById.TryGetValue(step.SituationId, out var found)
            ? found.Title.Get(step.Language, flow.DefaultLanguage)
            : step.SituationId;
        var text = TextTemplate.Render(Text(NextStepKey, step.Language), ("situation", situation));
        return Message(
            step.ConversationId,
            step.Language,
            text,
            [
                new ChoiceView(new Dialogs.NextStepButton(Done: true, step.SituationId).Id, Text(NextStepDoneLabelKey, step.Language)),
                new ChoiceView(new Dialogs.NextStepButton(Done: false, step.SituationId).Id, Text(NextStepStuckLabelKey, step.Language)),
            ]);
    }

    /// <summary>A start as people read it: "Tuesday 8 December at 18:00", in the meeting's zone.</summary>
    public string When(DateTimeOffset start, string timeZone, string language)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(start, zone);
        return TextTemplate.Render(
            Text(DateFormatKey, language),
            ("weekday", Text("weekday-" + WeekdayCodes[(int)local.DayOfWeek], language)),
            ("day", local.Day.ToString(CultureInfo.InvariantCulture)),
            ("month", Text("month-" + local.Month.ToString(CultureInfo.InvariantCulture), language)),
            ("year", local.Year.ToString(CultureInfo.InvariantCulture)),
            ("time", local.ToString("HH:mm", CultureInfo.InvariantCulture)));
    }

    /// <summary>A date without the time: "Tue 8 December".</summary>
    public string ShortDate(DateOnly date, string language) =>
        TextTemplate.Render(
            Text("date-short", language),
            ("weekday", Text("weekday-" + WeekdayCodes[(int)date.DayOfWeek], language)),
            ("day", date.Day.ToString(CultureInfo.InvariantCulture)),
            ("monthnumber", date.Month.ToString(CultureInfo.InvariantCulture)),
            ("month", Text("month-" + date.Month.ToString(CultureInfo.InvariantCulture), language)));

    /// <summary>
    /// The schedule in words: "on Tuesdays at 18:00", "on the 2nd Tuesday of every month at 18:00",
    /// "every 2 weeks, on Wednesdays at 17:00" or the one date; then title and place.
    /// </summary>
    public string Summary(MeetingSchedule schedule, string language)
    {
        var time = schedule.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var summary = RuleSummary(schedule, language, time)
            ?? Text("schedule-once-summary", language).Replace(
                "{when}",
                When(FirstStart(schedule), schedule.TimeZone, language),
                StringComparison.Ordinal);
        var details = string.Join(", ", new[] { schedule.Title, schedule.Place }.Where(d => !string.IsNullOrWhiteSpace(d)));
        return details.Length == 0
            ? summary
            : TextTemplate.Render(Text("schedule-title-place", language), ("summary", summary), ("details", details));
    }

    /// <summary>The weekday code of texts (<c>mo</c> … <c>su</c>).</summary>
    public static string WeekdayCode(DayOfWeek day) => WeekdayCodes[(int)day];

    private string? RuleSummary(MeetingSchedule schedule, string language, string time)
    {
        if (!schedule.IsRecurring)
        {
            return null;
        }

        var parts = schedule.RecurrenceRule.Split(';')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].ToUpperInvariant(), p => p[1].ToUpperInvariant(), StringComparer.Ordinal);
        if (!parts.TryGetValue("FREQ", out var frequency) || !parts.TryGetValue("BYDAY", out var byDay) || parts.ContainsKey("COUNT") || parts.ContainsKey("UNTIL"))
        {
            return schedule.RecurrenceRule;
        }

        var interval = parts.TryGetValue("INTERVAL", out var n) && int.TryParse(n, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
        var days = byDay.Split(',');
        if (frequency == "WEEKLY" && days.All(d => d.Length == 2 && Array.IndexOf(WeekdayCodes, d.ToLowerInvariant()) >= 0))
        {
            var named = string.Join(", ", days.Select(d => Text("weekday-on-" + d.ToLowerInvariant(), language)));
            return TextTemplate.Render(
                (interval == 1 ? Text("schedule-weekly-summary", language) : Text("schedule-every-n-weeks-summary", language)),
                ("days", named),
                ("n", interval.ToString(CultureInfo.InvariantCulture)),
                ("time", time));
        }

        if (frequency == "MONTHLY" && interval == 1 && days.Length == 1 && days[0].Length >= 3
            && int.TryParse(days[0][..^2], CultureInfo.InvariantCulture, out var ordinal) && ordinal is >= -1 and <= 5 and not 0
            && Array.IndexOf(WeekdayCodes, days[0][^2..].ToLowerInvariant()) >= 0)
        {
            var code = days[0][^2..].ToLowerInvariant();
            var monthly = ordinal == -1
                ? Text("monthly-last-" + code, language)
                : TextTemplate.Render(
                    Text("monthly-" + code, language),
                    ("nth", Text("nth-" + ordinal.ToString(CultureInfo.InvariantCulture), language)));
            return TextTemplate.Render(Text("schedule-monthly-summary", language), ("monthly", monthly), ("time", time));
        }

        return schedule.RecurrenceRule;
    }

    private static DateTimeOffset FirstStart(MeetingSchedule schedule)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var local = schedule.FirstDate.ToDateTime(schedule.StartTime);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The schedule as scripts see it: RRULE, zone and the next three starts after <paramref name="now"/>.</summary>
    public static ScheduleView View(MeetingSchedule schedule, DateTimeOffset now) =>
        new(schedule.RecurrenceRule, schedule.TimeZone, schedule.Next(now, 3));

    public string Title(Meeting meeting) =>
        string.IsNullOrWhiteSpace(meeting.Schedule.Title) ? Text(DefaultTitleKey, meeting.Language) : meeting.Schedule.Title;

    private string Place(Meeting meeting) =>
        string.IsNullOrWhiteSpace(meeting.Schedule.Place)
            ? string.Empty
            : TextTemplate.Render(Text(PlaceKey, meeting.Language), ("place", meeting.Schedule.Place));

    private string Text(string key, string language) => flow.Content.Text(key, language);

    private static OutgoingMessage Message(string conversationId, string language, string text, IReadOnlyList<ChoiceView> choices) =>
        new(conversationId, text, choices, [], string.Empty, language, Proactive: true);
}
