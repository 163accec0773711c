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
    public const string CloseKey = "meeting-close-ask";
    public const string CloseReminderKey = "meeting-close-reminder";
    public const string CloseLastReminderKey = "meeting-close-last-reminder";
    public const string CloseLabelKey = "meeting-close-label";
    public const string NextStepKey = "next-step-question";
    public const string NextStepDoneLabelKey = "next-step-done-label";
    public const string NextStepStuckLabelKey = "next-step-stuck-label";
    public const string DateFormatKey = "date-format";
    public const string DefaultTitleKey = "meeting-default-title";

    private static readonly string[] WeekdayCodes = ScheduleWords.WeekdayCodes;

    /// <summary>The text keys this class needs; the validator requires each.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        ReminderKey, ReminderLateKey, CloseKey, CloseReminderKey, CloseLastReminderKey, CloseLabelKey, NextStepKey,
        NextStepDoneLabelKey, NextStepStuckLabelKey, DateFormatKey, DefaultTitleKey,
        "date-short", "date-on", "schedule-once-summary", "schedule-title-place",
        .. ScheduleWords.Keys,
        .. WeekdayCodes.Select(c => "weekday-" + c),
        .. WeekdayCodes.Select(c => "weekday-at-" + c),
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

    /// <summary>
    /// After a meeting: close it (minutes, attendance, organisations, decisions), with the close button. The first
    /// reminder (<paramref name="reminder"/> 1) and the last (2 and later) say it more firmly.
    /// </summary>
    public OutgoingMessage CloseQuestion(Meeting meeting, DateTimeOffset occurrence, int reminder)
    {
        var key = reminder switch { 0 => CloseKey, 1 => CloseReminderKey, _ => CloseLastReminderKey };
        var text = TextTemplate.Render(
            Text(key, meeting.Language),
            ("title", Title(meeting)),
            ("when", When(occurrence, meeting.Schedule.TimeZone, meeting.Language)));
        return Message(
            meeting.ConversationId,
            meeting.Language,
            text,
            [new ChoiceView(NotificationKeys.CloseChoice(meeting.Id, occurrence), Text(CloseLabelKey, meeting.Language))]);
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

    /// <summary>A day something will happen on, inside a sentence: "esmaspäeval, 14.12.", "Monday 14 December", "в понедельник, 14.12".</summary>
    public string DateOn(DateOnly date, string language) => Day("date-on", "weekday-at-", date, language);

    /// <summary>A date without the time: "Tue 8 December".</summary>
    public string ShortDate(DateOnly date, string language) => Day("date-short", "weekday-", date, language);

    private string Day(string key, string weekdayPrefix, DateOnly date, string language) =>
        TextTemplate.Render(
            Text(key, language),
            ("weekday", Text(weekdayPrefix + WeekdayCodes[(int)date.DayOfWeek], language)),
            ("day", date.Day.ToString(CultureInfo.InvariantCulture)),
            ("monthnumber", date.Month.ToString(CultureInfo.InvariantCulture)),
            ("month", Text("month-" + date.Month.ToString(CultureInfo.InvariantCulture), language)));

    /// <summary>
    /// The schedule in words: "on Tuesdays at 18:00", "on the second Tuesday of every month at 18:00",
    /// "every quarter, on the first Tuesday of the month at 18:00" or the one date; then the place as typed and the title.
    /// </summary>
    public string Summary(MeetingSchedule schedule, string language)
    {
        var time = schedule.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var summary = !schedule.IsRecurring
            ? TextTemplate.Render(Text("schedule-once-summary", language), ("when", When(FirstStart(schedule), schedule.TimeZone, language)))
            : ScheduleWords.Rule(schedule.RecurrenceRule, time, key => Text(key, language)) ?? schedule.RecurrenceRule;
        if (!string.IsNullOrWhiteSpace(schedule.Place))
        {
            summary += ScheduleWords.AfterTime(schedule.Place);
        }

        return string.IsNullOrWhiteSpace(schedule.Title)
            ? summary
            : TextTemplate.Render(Text("schedule-title-place", language), ("summary", summary), ("details", schedule.Title));
    }

    /// <summary>The weekday code of texts (<c>mo</c> … <c>su</c>).</summary>
    public static string WeekdayCode(DayOfWeek day) => WeekdayCodes[(int)day];

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

    private static string Place(Meeting meeting) =>
        string.IsNullOrWhiteSpace(meeting.Schedule.Place) ? string.Empty : ScheduleWords.AfterTime(meeting.Schedule.Place);

    private string Text(string key, string language) => flow.Content.Text(key, language);

    private static OutgoingMessage Message(string conversationId, string language, string text, IReadOnlyList<ChoiceView> choices) =>
        new(conversationId, text, choices, [], string.Empty, language, Proactive: true);
}
