using System.Globalization;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Dialogs;

/// <summary>What the schedule dialog asks at each step, with its buttons; and the confirmation with dates and lead times.</summary>
internal sealed class ScheduleQuestions(Replies replies, MeetingMessages messages, MeetingServices meetings)
{
    /// <summary>The question of the draft's current step; <paramref name="before"/> goes first.</summary>
    public OutgoingMessage Ask(Conversation conversation, string? before)
    {
        var draft = conversation.Draft!;
        var language = conversation.Language;
        ScheduleView? view = null;
        string question;
        switch (draft.Step)
        {
            case DraftStep.Confirm when draft.Proposed is { } proposed:
                view = MeetingMessages.View(proposed, replies.Now);
                question = replies.Say(
                    conversation,
                    "schedule-confirm",
                    ("summary", messages.Summary(proposed, language)),
                    ("zone", proposed.TimeZone),
                    ("dates", Dates(view.Next, proposed.TimeZone, language)),
                    ("leads", Leads(conversation)));
                break;
            case DraftStep.Disambiguate:
                question = replies.Say(conversation, "schedule-which") + "\n" + string.Join(
                    "\n",
                    draft.Alternatives.Select((a, i) =>
                        $"{i + 1}. {messages.Summary(a.Schedule, language)}: {Dates(a.Schedule.Next(replies.Now, 2), a.Schedule.TimeZone, language).Replace("\n", ", ", StringComparison.Ordinal)}"));
                break;
            case DraftStep.Weekday:
                question = replies.Say(conversation, "schedule-ask-weekday");
                break;
            case DraftStep.WeekOfMonth:
                question = replies.Say(conversation, "schedule-ask-week");
                break;
            case DraftStep.Date:
                question = replies.Say(conversation, "schedule-ask-date");
                break;
            case DraftStep.Time:
                question = replies.Say(conversation, "schedule-ask-time");
                break;
            default:
                draft.Step = DraftStep.Describe;
                question = draft.Base is { } changed
                    ? replies.Say(conversation, "schedule-ask-change", ("summary", messages.Summary(changed, language)))
                    : replies.Say(conversation, "schedule-ask");
                break;
        }

        return Replies.Own(conversation, before is null ? question : before + "\n\n" + question, Choices(conversation), view);
    }

    public List<ChoiceView> Choices(Conversation conversation)
    {
        var draft = conversation.Draft!;
        var language = conversation.Language;
        var choices = new List<ChoiceView>();
        switch (draft.Step)
        {
            case DraftStep.Confirm:
                choices.Add(new(new ScheduleButton(ScheduleButton.Kind.Save).Id, replies.Say(conversation, "schedule-save")));
                choices.Add(new(new ScheduleButton(ScheduleButton.Kind.Edit).Id, replies.Say(conversation, "schedule-edit")));
                break;
            case DraftStep.Disambiguate:
                choices.AddRange(draft.Alternatives.Select((a, i) => new ChoiceView(ScheduleButton.Pick(i).Id, messages.Summary(a.Schedule, language))));
                break;
            case DraftStep.Weekday:
                choices.AddRange(ScheduleReading.Weekdays.Select(d => MeetingMessages.WeekdayCode(d)).Select(code => new ChoiceView(
                    ScheduleButton.Weekday(code).Id, Capitalise(replies.Say(conversation, "weekday-" + code)))));
                break;
            case DraftStep.WeekOfMonth:
                choices.AddRange(ScheduleReading.Weeks.Select(w => new ChoiceView(ScheduleButton.Week(w).Id, replies.Say(conversation, "schedule-week-" + w))));
                break;
            case DraftStep.Date:
                var today = replies.Today(conversation);
                choices.AddRange(Enumerable.Range(1, 7).Select(i => today.AddDays(i)).Select(d => new ChoiceView(
                    ScheduleButton.Date(d).Id, Capitalise(messages.ShortDate(d, language)))));
                break;
            case DraftStep.Time:
                choices.AddRange(ScheduleReading.Times.Select(t => new ChoiceView(ScheduleButton.Time(t).Id, t)));
                break;
            default:
                choices.AddRange(ScheduleReading.Frequencies.Select(f => new ChoiceView(ScheduleButton.Frequency(f).Id, replies.Say(conversation, "schedule-freq-" + f))));
                break;
        }

        choices.Add(new(new ScheduleButton(ScheduleButton.Kind.Cancel).Id, replies.Say(conversation, "schedule-cancel")));
        return choices;
    }

    public string Dates(IReadOnlyList<DateTimeOffset> starts, string timeZone, string language) =>
        string.Join("\n", starts.Select(s => "• " + messages.When(s, timeZone, language)));

    /// <summary>The configured lead times in words: "the day before at 10:00 and 1 h before".</summary>
    private string Leads(Conversation conversation)
    {
        var leads = meetings.EffectiveLeadTimes.Select(lead => LeadWords(conversation, lead)).ToList();
        return leads.Count switch
        {
            0 => replies.Say(conversation, "schedule-leads-off"),
            1 => leads[0],
            _ => string.Join(", ", leads[..^1]) + " " + replies.Say(conversation, "word-and") + " " + leads[^1],
        };
    }

    private string LeadWords(Conversation conversation, string lead)
    {
        var text = lead.Trim().ToLowerInvariant();
        var at = text.IndexOf("d@", StringComparison.Ordinal);
        if (at > 0 && int.TryParse(text[..at], CultureInfo.InvariantCulture, out var days))
        {
            return replies.Say(
                conversation,
                days == 1 ? "lead-day-before-at" : "lead-days-before-at",
                ("n", days.ToString(CultureInfo.InvariantCulture)),
                ("time", text[(at + 2)..]));
        }

        if (text.Length > 1 && int.TryParse(text[..^1], CultureInfo.InvariantCulture, out var n) && text[^1] is 'h' or 'm')
        {
            return replies.Say(conversation, text[^1] == 'h' ? "lead-hours-before" : "lead-minutes-before", ("n", n.ToString(CultureInfo.InvariantCulture)));
        }

        return lead;
    }

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
