using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Engine;

/// <summary>
/// Making a meeting schedule in the conversation: typed (in any of the languages) or guided with
/// buttons (frequency → weekday → week → time), ambiguity asked back, and the confirmation with the
/// next three dates and the configured lead times before anything is saved.
/// </summary>
public sealed partial class RecipeEngine
{
    public const string DraftPrefix = "sched:";
    public const string MeetingPrefix = "mtg:";

    /// <summary>The engine's own texts for meetings; <see cref="TextKeys.Required"/> includes them.</summary>
    public static IReadOnlyList<string> MeetingTextKeys { get; } =
    [
        "schedule-ask", "schedule-ask-weekday", "schedule-ask-week", "schedule-ask-date", "schedule-ask-time",
        "schedule-bad-time", "schedule-which", "schedule-confirm", "schedule-leads-off", "lead-day-before-at", "lead-days-before-at",
        "lead-hours-before", "lead-minutes-before", "word-and", "schedule-saved", "schedule-changed",
        "schedule-cancelled-draft", "schedule-no-dates", "schedule-save", "schedule-edit", "schedule-cancel",
        "schedule-freq-weekly", "schedule-freq-biweekly", "schedule-freq-monthly", "schedule-freq-once",
        "schedule-week-1", "schedule-week-2", "schedule-week-3", "schedule-week-4", "schedule-week-last",
        "timezone-changed", "timezone-current", "meetings-none", "meetings-list", "meetings-item", "meetings-paused-mark",
        "meetings-open", "meeting-details", "meeting-none-left", "meeting-pause", "meeting-resume", "meeting-change",
        "meeting-cancel", "meeting-ics", "meetings-back", "meeting-paused", "meeting-resumed", "meeting-cancelled",
        "meeting-ics-caption", "meeting-not-found", "meeting-not-allowed", "meeting-minutes-thanks", "try-noted",
        "next-step-done", "next-step-stuck",
        .. typeof(ScheduleErrorCodes).GetFields().Select(f => "schedule.hint." + (string)f.GetValue(null)!),
    ];

    private static readonly string[] Frequencies = ["weekly", "biweekly", "monthly", "once"];
    private static readonly string[] Times = ["09:00", "10:00", "13:00", "15:00", "17:00", "18:00"];
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A clock time as people type it: 18, 18:30, 18.30, kell 18.</summary>
    [GeneratedRegex(@"^\D*?(\d{1,2})(?:[:.](\d{2}))?\D*$")]
    private static partial Regex TypedTime();



    /// <summary><c>/remind</c> alone asks; <c>/remind every Monday at 10</c> proposes at once.</summary>
    private OutgoingMessage Remind(Conversation conversation, string argument) =>
        argument.Length == 0 ? StartDraft(conversation, null) : ProposeFromText(conversation, argument, null) ?? StartDraft(conversation, null, Hint(conversation, argument));

    /// <summary>Starts (or restarts) making a schedule; <paramref name="meetingId"/> when an existing one is changed.</summary>
    private OutgoingMessage StartDraft(Conversation conversation, string? meetingId, string? before = null)
    {
        conversation.Draft = new ScheduleDraft { Step = DraftStep.Describe, MeetingId = meetingId };
        return DraftReply(conversation, before);
    }

    /// <summary>
    /// Reads <paramref name="text"/> as a schedule in the conversation's language, then the others.
    /// Null when no language reads it (the caller decides what else the text could be).
    /// </summary>
    private OutgoingMessage? ProposeFromText(Conversation conversation, string text, string? meetingId)
    {
        var parsed = Parse(conversation, text);
        switch (parsed)
        {
            case ScheduleParseResult.Success success:
                conversation.Draft = new ScheduleDraft { MeetingId = meetingId ?? conversation.Draft?.MeetingId };
                return Propose(conversation, success.Schedule);
            case ScheduleParseResult.Ambiguous ambiguous:
                conversation.Draft = new ScheduleDraft { Step = DraftStep.Disambiguate, MeetingId = meetingId ?? conversation.Draft?.MeetingId };
                conversation.Draft.Alternatives.AddRange(ambiguous.Alternatives.Select(a => new DraftAlternative(a.DescriptionKey, a.Schedule)));
                conversation.Misses = 0;
                return DraftReply(conversation, null);
            default:
                return null;
        }
    }

    private ScheduleParseResult Parse(Conversation conversation, string text)
    {
        ScheduleParseResult? first = null;
        foreach (var language in flow.Languages.OrderBy(l => l == conversation.Language ? 0 : 1))
        {
            var result = ScheduleGrammar.Parse(text, language, time.GetUtcNow(), ZoneOf(conversation));
            if (result is not ScheduleParseResult.Invalid)
            {
                return result;
            }

            first ??= result;
        }

        return first!;
    }

    /// <summary>The hint for a text that is no schedule: what is missing, or how to write one.</summary>
    private string Hint(Conversation conversation, string text) =>
        Say(conversation, Parse(conversation, text) is ScheduleParseResult.Invalid invalid ? invalid.HintKey : "schedule.hint." + ScheduleErrorCodes.Unrecognised);

    private OutgoingMessage Propose(Conversation conversation, MeetingSchedule schedule)
    {
        var draft = conversation.Draft ??= new ScheduleDraft();
        conversation.Misses = 0;
        if (schedule.Next(time.GetUtcNow(), 1).Count == 0)
        {
            draft.Step = DraftStep.Describe;
            return DraftReply(conversation, Say(conversation, "schedule-no-dates"));
        }

        draft.Step = DraftStep.Confirm;
        draft.Proposed = schedule;
        return DraftReply(conversation, null);
    }

    /// <summary>A message while a schedule is being made; null when the text was meant for something else.</summary>
    private async ValueTask<OutgoingMessage?> DraftAsync(Conversation conversation, IncomingMessage message, string text, CancellationToken cancellationToken)
    {
        var draft = conversation.Draft!;
        var trimmed = text.Trim();
        var choices = DraftChoices(conversation);
        var picked = choices.FirstOrDefault(c => c.Id == trimmed)
            ?? (int.TryParse(trimmed.TrimEnd('.'), CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count && draft.Step != DraftStep.Time ? choices[n - 1] : null)
            ?? choices.FirstOrDefault(c => TextNormalizer.Normalize(c.Label) == TextNormalizer.Normalize(text));
        if (picked is not null)
        {
            return await DraftButtonAsync(conversation, message, picked.Id[DraftPrefix.Length..], cancellationToken).ConfigureAwait(false);
        }

        if (trimmed.StartsWith(DraftPrefix, StringComparison.Ordinal))
        {
            // A button of an earlier step: show where the schedule stands now.
            return DraftReply(conversation, null);
        }

        if (flow[conversation.State].Match(text) is { } flowChoice && flowChoice.Id == trimmed)
        {
            // A button of the conversation pressed in the meantime: the schedule is dropped.
            conversation.Draft = null;
            return null;
        }

        if (draft.Step == DraftStep.Time)
        {
            return TimeOf(trimmed) is { } typed ? Guided(conversation, typed) : DraftReply(conversation, Say(conversation, "schedule-bad-time"));
        }

        if (ProposeFromText(conversation, text, draft.MeetingId) is { } proposed)
        {
            return proposed;
        }

        var hint = Hint(conversation, text);
        if (diagnoser is not null && draft.Step == DraftStep.Describe)
        {
            // "we still have no partners" in the middle of a schedule: the user moved on.
            var diagnosis = diagnoser.Diagnose(text);
            if (diagnosis.Confidence >= diagnoser.Thresholds.Accept && flow.Content.SituationsById.ContainsKey(diagnosis.Intent))
            {
                conversation.Draft = null;
                return null;
            }
        }

        return DraftReply(conversation, hint);
    }

    private async ValueTask<OutgoingMessage> DraftButtonAsync(Conversation conversation, IncomingMessage message, string button, CancellationToken cancellationToken)
    {
        var draft = conversation.Draft!;
        var parts = button.Split(':', 2);
        var value = parts.Length > 1 ? parts[1] : string.Empty;
        switch (parts[0])
        {
            case "cancel":
                conversation.Draft = null;
                return Prompt(conversation, Say(conversation, "schedule-cancelled-draft"));
            case "edit":
                return StartDraft(conversation, draft.MeetingId);
            case "save" when draft.Proposed is { } proposed:
                return await SaveDraftAsync(conversation, message, proposed, cancellationToken).ConfigureAwait(false);
            case "pick" when int.TryParse(value, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < draft.Alternatives.Count:
                var schedule = draft.Alternatives[index].Schedule;
                draft.Alternatives.Clear();
                return Propose(conversation, schedule);
            case "freq" when Frequencies.Contains(value):
                draft.Frequency = value;
                draft.Step = value == "once" ? DraftStep.Date : DraftStep.Weekday;
                return DraftReply(conversation, null);
            case "day" when Weekdays.FirstOrDefault(d => MeetingMessages.WeekdayCode(d) == value) is var day && MeetingMessages.WeekdayCode(day) == value:
                draft.Weekday = day;
                draft.Step = draft.Frequency == "monthly" ? DraftStep.WeekOfMonth : DraftStep.Time;
                return DraftReply(conversation, null);
            case "week" when value == "last" || (int.TryParse(value, CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 4):
                draft.WeekOfMonth = value == "last" ? -1 : int.Parse(value, CultureInfo.InvariantCulture);
                draft.Step = DraftStep.Time;
                return DraftReply(conversation, null);
            case "date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                draft.Date = date;
                draft.Step = DraftStep.Time;
                return DraftReply(conversation, null);
            case "time" when TimeOf(value) is { } startTime:
                return Guided(conversation, startTime);
            default:
                return DraftReply(conversation, null);
        }
    }

    /// <summary>The guided path is complete: turn frequency, weekday, week and time into a schedule.</summary>
    private OutgoingMessage Guided(Conversation conversation, TimeOnly startTime)
    {
        var draft = conversation.Draft!;
        var zone = ZoneOf(conversation);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        var weekday = draft.Weekday ?? today.DayOfWeek;
        var code = MeetingMessages.WeekdayCode(weekday).ToUpperInvariant();
        var (rule, matches) = draft.Frequency switch
        {
            "biweekly" => ($"FREQ=WEEKLY;INTERVAL=2;BYDAY={code}", (Func<DateOnly, bool>)(d => d.DayOfWeek == weekday)),
            "monthly" => ($"FREQ=MONTHLY;BYDAY={(draft.WeekOfMonth ?? 1).ToString(CultureInfo.InvariantCulture)}{code}", d => IsNthWeekday(d, weekday, draft.WeekOfMonth ?? 1)),
            "once" => (string.Empty, d => d == (draft.Date ?? today)),
            _ => ($"FREQ=WEEKLY;BYDAY={code}", d => d.DayOfWeek == weekday),
        };

        if (draft.Frequency == "once" && new MeetingSchedule(string.Empty, startTime, draft.Date ?? today, zone).Next(now, 1).Count == 0)
        {
            // The chosen day and time have passed while the question was open.
            draft.Step = DraftStep.Date;
            return DraftReply(conversation, Say(conversation, "schedule.hint." + ScheduleErrorCodes.PastDate));
        }

        // The first meeting is the first matching day whose start is still ahead.
        var first = draft.Date ?? today;
        for (var i = 0; i < 400 && !(matches(first) && new MeetingSchedule(string.Empty, startTime, first, zone).Next(now, 1).Count == 1); i++)
        {
            first = first.AddDays(1);
        }

        return Propose(conversation, new MeetingSchedule(rule, startTime, first, zone));
    }

    private async ValueTask<OutgoingMessage> SaveDraftAsync(Conversation conversation, IncomingMessage message, MeetingSchedule schedule, CancellationToken cancellationToken)
    {
        var draft = conversation.Draft!;
        var now = time.GetUtcNow();
        Meeting meeting;
        string key;
        if (draft.MeetingId is { } id && await _meetings.Store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { Status: not MeetingStatus.Cancelled } existing)
        {
            if (!await MayChangeAsync(conversation, message, existing, cancellationToken).ConfigureAwait(false))
            {
                conversation.Draft = null;
                return Prompt(conversation, Say(conversation, "meeting-not-allowed"));
            }

            // A paused meeting stays paused: its reminders come back with "resume", not with a new time.
            meeting = existing with { Schedule = schedule, Language = conversation.Language, UpdatedAt = now };
            key = "schedule-changed";
        }
        else
        {
            meeting = new Meeting(Meeting.NewId(), conversation.Id, message.UserId, schedule, MeetingStatus.Active, conversation.Language, now, now);
            key = "schedule-saved";
        }

        await _meetings.Store.SaveAsync(meeting, cancellationToken).ConfigureAwait(false);
        await _meetings.Scheduler.MeetingChangedAsync(meeting, cancellationToken).ConfigureAwait(false);
        conversation.Draft = null;
        _logger.LogInformation("Meeting {MeetingId} of conversation {ConversationId} saved: {Rule} at {Time} {Zone}", meeting.Id, conversation.Id, schedule.RecurrenceRule, schedule.StartTime, schedule.TimeZone);
        var reply = Prompt(conversation, Say(conversation, key).Replace("{summary}", _messages.Summary(schedule, conversation.Language), StringComparison.Ordinal));
        return reply with { Schedule = MeetingMessages.View(schedule, now) };
    }

    /// <summary>The question of the draft's current step, with its buttons; <paramref name="before"/> goes first.</summary>
    private OutgoingMessage DraftReply(Conversation conversation, string? before)
    {
        var draft = conversation.Draft!;
        var language = conversation.Language;
        ScheduleView? view = null;
        string question;
        switch (draft.Step)
        {
            case DraftStep.Confirm when draft.Proposed is { } proposed:
                var now = time.GetUtcNow();
                view = MeetingMessages.View(proposed, now);
                question = Say(conversation, "schedule-confirm")
                    .Replace("{summary}", _messages.Summary(proposed, language), StringComparison.Ordinal)
                    .Replace("{zone}", proposed.TimeZone, StringComparison.Ordinal)
                    .Replace("{dates}", Dates(view.Next, proposed.TimeZone, language), StringComparison.Ordinal)
                    .Replace("{leads}", Leads(conversation), StringComparison.Ordinal);
                break;
            case DraftStep.Disambiguate:
                question = Say(conversation, "schedule-which") + "\n" + string.Join(
                    "\n",
                    draft.Alternatives.Select((a, i) =>
                        $"{i + 1}. {_messages.Summary(a.Schedule, language)}: {Dates(a.Schedule.Next(time.GetUtcNow(), 2), a.Schedule.TimeZone, language).Replace("\n", ", ", StringComparison.Ordinal)}"));
                break;
            case DraftStep.Weekday:
                question = Say(conversation, "schedule-ask-weekday");
                break;
            case DraftStep.WeekOfMonth:
                question = Say(conversation, "schedule-ask-week");
                break;
            case DraftStep.Date:
                question = Say(conversation, "schedule-ask-date");
                break;
            case DraftStep.Time:
                question = Say(conversation, "schedule-ask-time");
                break;
            default:
                draft.Step = DraftStep.Describe;
                question = Say(conversation, "schedule-ask");
                break;
        }

        return new OutgoingMessage(
            conversation.Id,
            before is null ? question : before + "\n\n" + question,
            DraftChoices(conversation),
            [],
            conversation.State,
            language,
            view);
    }

    private List<ChoiceView> DraftChoices(Conversation conversation)
    {
        var draft = conversation.Draft!;
        var language = conversation.Language;
        var choices = new List<ChoiceView>();
        switch (draft.Step)
        {
            case DraftStep.Confirm:
                choices.Add(new(DraftPrefix + "save", Say(conversation, "schedule-save")));
                choices.Add(new(DraftPrefix + "edit", Say(conversation, "schedule-edit")));
                break;
            case DraftStep.Disambiguate:
                choices.AddRange(draft.Alternatives.Select((a, i) => new ChoiceView(
                    DraftPrefix + "pick:" + i.ToString(CultureInfo.InvariantCulture), _messages.Summary(a.Schedule, language))));
                break;
            case DraftStep.Weekday:
                choices.AddRange(Weekdays.Select(d => new ChoiceView(
                    DraftPrefix + "day:" + MeetingMessages.WeekdayCode(d), Capitalise(Say(conversation, "weekday-" + MeetingMessages.WeekdayCode(d))))));
                break;
            case DraftStep.WeekOfMonth:
                choices.AddRange(new[] { "1", "2", "3", "4", "last" }.Select(w => new ChoiceView(DraftPrefix + "week:" + w, Say(conversation, "schedule-week-" + w))));
                break;
            case DraftStep.Date:
                var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(conversation));
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
                choices.AddRange(Enumerable.Range(1, 7).Select(i => today.AddDays(i)).Select(d => new ChoiceView(
                    DraftPrefix + "date:" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Capitalise(_messages.ShortDate(d, language)))));
                break;
            case DraftStep.Time:
                choices.AddRange(Times.Select(t => new ChoiceView(DraftPrefix + "time:" + t, t)));
                break;
            default:
                choices.AddRange(Frequencies.Select(f => new ChoiceView(DraftPrefix + "freq:" + f, Say(conversation, "schedule-freq-" + f))));
                break;
        }

        choices.Add(new(DraftPrefix + "cancel", Say(conversation, "schedule-cancel")));
        return choices;
    }



    /// <summary>The configured lead times in words: "the day before at 10:00 and 1 h before".</summary>
    private string Leads(Conversation conversation)
    {
        var leads = _meetings.EffectiveLeadTimes.Select(lead => LeadWords(conversation, lead)).ToList();
        return leads.Count switch
        {
            0 => Say(conversation, "schedule-leads-off"),
            1 => leads[0],
            _ => string.Join(", ", leads[..^1]) + " " + Say(conversation, "word-and") + " " + leads[^1],
        };
    }

    private string LeadWords(Conversation conversation, string lead)
    {
        var text = lead.Trim().ToLowerInvariant();
        var at = text.IndexOf("d@", StringComparison.Ordinal);
        if (at > 0 && int.TryParse(text[..at], CultureInfo.InvariantCulture, out var days))
        {
            return Say(conversation, days == 1 ? "lead-day-before-at" : "lead-days-before-at")
                .Replace("{n}", days.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{time}", text[(at + 2)..], StringComparison.Ordinal);
        }

        if (text.Length > 1 && int.TryParse(text[..^1], CultureInfo.InvariantCulture, out var n) && text[^1] is 'h' or 'm')
        {
            return Say(conversation, text[^1] == 'h' ? "lead-hours-before" : "lead-minutes-before")
                .Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return lead;
    }

    private string Dates(IReadOnlyList<DateTimeOffset> starts, string timeZone, string language) =>
        string.Join("\n", starts.Select(s => "• " + _messages.When(s, timeZone, language)));

    private static TimeOnly? TimeOf(string text)
    {
        var match = TypedTime().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (hour is >= 1 and <= 11 && text.Contains("pm", StringComparison.OrdinalIgnoreCase))
        {
            hour += 12;
        }

        var minute = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    private static bool IsNthWeekday(DateOnly date, DayOfWeek weekday, int ordinal) =>
        date.DayOfWeek == weekday && (ordinal == -1
            ? date.AddDays(7).Month != date.Month
            : (date.Day - 1) / 7 + 1 == ordinal);

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
