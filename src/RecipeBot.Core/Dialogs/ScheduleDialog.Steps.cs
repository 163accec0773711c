using System.Globalization;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Dialogs;

/// <summary>The schedule dialog's steps: buttons fire its machine, the guided path ends in a proposal, "save" stores it.</summary>
public sealed partial class ScheduleDialog
{
    private async ValueTask<OutgoingMessage> PressAsync(DialogTurn turn, ScheduleButton button)
    {
        var conversation = turn.Conversation;
        var draft = conversation.Draft!;
        var value = button.Value;
        var fired = button.What switch
        {
            ScheduleButton.Kind.Cancel => Cancel(conversation),
            ScheduleButton.Kind.Save when draft.Step == DraftStep.Confirm && draft.Proposed is { } proposed =>
                await SaveAsync(turn, proposed).ConfigureAwait(false),
            ScheduleButton.Kind.Time when draft.Step == DraftStep.Time && ScheduleReading.TimeOf(value) is { } time =>
                await GuidedAsync(conversation, time).ConfigureAwait(false),
            ScheduleButton.Kind.Edit =>
                await FireAsync(conversation, m => m.Machine.FireAsync(ScheduleMachine.Trigger.Edit), ScheduleMachine.Trigger.Edit).ConfigureAwait(false),
            ScheduleButton.Kind.Pick when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < draft.Alternatives.Count =>
                await FireAsync(conversation, m => m.Machine.FireAsync(m.Picked, index), ScheduleMachine.Trigger.Pick).ConfigureAwait(false),
            ScheduleButton.Kind.Frequency when ScheduleReading.Frequencies.Contains(value) =>
                await FireAsync(conversation, m => m.Machine.FireAsync(m.FrequencyChosen, value), ScheduleMachine.Trigger.Frequency).ConfigureAwait(false),
            ScheduleButton.Kind.Weekday when ScheduleReading.WeekdayOf(value) is { } day =>
                await FireAsync(conversation, m => m.Machine.FireAsync(m.WeekdayChosen, day), ScheduleMachine.Trigger.Weekday).ConfigureAwait(false),
            ScheduleButton.Kind.Week when ScheduleReading.WeekOf(value) is { } week =>
                await FireAsync(conversation, m => m.Machine.FireAsync(m.WeekChosen, week), ScheduleMachine.Trigger.Week).ConfigureAwait(false),
            ScheduleButton.Kind.Date when ScheduleReading.DateOf(value) is { } date =>
                await FireAsync(conversation, m => m.Machine.FireAsync(m.DateChosen, date), ScheduleMachine.Trigger.Date).ConfigureAwait(false),
            _ => null,
        };

        // A button of another step, or one whose value is wrong: the question where the schedule stands.
        return fired ?? Ask(conversation);
    }

    private OutgoingMessage Cancel(Conversation conversation)
    {
        conversation.Draft = null;
        return _replies.Prompt(conversation, _replies.Say(conversation, "schedule-cancelled-draft"));
    }

    /// <summary>For a change, text that gives only a time or only the days: the rest of the schedule stays.</summary>
    private async ValueTask<OutgoingMessage?> ChangeAsync(Conversation conversation, MeetingSchedule changed, string text)
    {
        if (Parse(conversation, text) is ScheduleParseResult.Invalid { HintKey: var key } && key == HintKey(ScheduleErrorCodes.MissingTime))
        {
            // "on Wednesdays": the days change, the time stays.
            var withTime = text.Trim() + " " + changed.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture);
            return await ProposeFromTextAsync(conversation, withTime).ConfigureAwait(false);
        }

        return ScheduleReading.TimeOf(text) is { } time
            ? await ProposeAsync(conversation, ScheduleReading.AtTime(changed, time)).ConfigureAwait(false)
            : null;
    }

    /// <summary>The guided path is complete: frequency, weekday, week and time become a schedule.</summary>
    private async ValueTask<OutgoingMessage> GuidedAsync(Conversation conversation, TimeOnly startTime)
    {
        var schedule = ScheduleReading.Guided(conversation.Draft!, startTime, Replies.ZoneOf(conversation), _replies.Now, _replies.Today(conversation));
        if (schedule is null)
        {
            // The chosen day and time have passed while the question was open.
            await FireAsync(conversation, m => m.Machine.FireAsync(ScheduleMachine.Trigger.PastDate), ScheduleMachine.Trigger.PastDate).ConfigureAwait(false);
            return _questions.Ask(conversation, _replies.Say(conversation, HintKey(ScheduleErrorCodes.PastDate)));
        }

        return await ProposeAsync(conversation, schedule).ConfigureAwait(false);
    }

    private async ValueTask<OutgoingMessage> ProposeAsync(Conversation conversation, MeetingSchedule schedule)
    {
        conversation.Misses = 0;
        if (schedule.Next(_replies.Now, 1).Count == 0)
        {
            await FireAsync(conversation, m => m.Machine.FireAsync(ScheduleMachine.Trigger.NoDates), ScheduleMachine.Trigger.NoDates).ConfigureAwait(false);
            return _questions.Ask(conversation, _replies.Say(conversation, "schedule-no-dates"));
        }

        await FireAsync(conversation, m => m.Machine.FireAsync(m.Proposed, schedule), ScheduleMachine.Trigger.Proposed).ConfigureAwait(false);
        return _questions.Ask(conversation, null);
    }

    /// <summary>Fires on a machine bound to the conversation's draft; null (nothing fired) when the step does not take <paramref name="trigger"/>.</summary>
    private async ValueTask<OutgoingMessage?> FireAsync(Conversation conversation, Func<ScheduleMachine, Task> fire, ScheduleMachine.Trigger trigger)
    {
        var machine = _machines.Rent();
        machine.Bound = conversation.Draft;
        try
        {
            if (!machine.Machine.CanFire(trigger))
            {
                return null;
            }

            await fire(machine).ConfigureAwait(false);
        }
        finally
        {
            machine.Bound = null;
            _machines.Return(machine);
        }

        return _questions.Ask(conversation, null);
    }

    private async ValueTask<OutgoingMessage> SaveAsync(DialogTurn turn, MeetingSchedule schedule)
    {
        var conversation = turn.Conversation;
        var draft = conversation.Draft!;
        var now = _replies.Now;
        Meeting meeting;
        string key;
        var cancellationToken = turn.CancellationToken;
        if (draft.MeetingId is { } id && await _meetings.Store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { Status: not MeetingStatus.Cancelled } existing)
        {
            if (!await MeetingsDialog.MayChangeAsync(_meetings, turn, existing).ConfigureAwait(false))
            {
                conversation.Draft = null;
                return _replies.Prompt(conversation, _replies.Say(conversation, "meeting-not-allowed"));
            }

            // A paused meeting stays paused: its reminders come back with "resume", not with a new time.
            meeting = existing with { Schedule = schedule, Language = conversation.Language, UpdatedAt = now };
            key = "schedule-changed";
        }
        else
        {
            meeting = new Meeting(Meeting.NewId(), conversation.Id, turn.Message.UserId, schedule, MeetingStatus.Active, conversation.Language, now, now);
            key = "schedule-saved";
        }

        await _meetings.Store.SaveAsync(meeting, cancellationToken).ConfigureAwait(false);
        await _meetings.Scheduler.MeetingChangedAsync(meeting, cancellationToken).ConfigureAwait(false);
        conversation.Draft = null;
        LogSaved(meeting.Id, conversation.Id, schedule.RecurrenceRule, schedule.StartTime, schedule.TimeZone);
        var reply = _replies.Prompt(conversation, _replies.Say(conversation, key, ("summary", _messages.Summary(schedule, conversation.Language))));
        return reply with { Schedule = MeetingMessages.View(schedule, now) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} of conversation {ConversationId} saved: {Rule} at {Time} {Zone}")]
    private partial void LogSaved(string meetingId, string conversationId, string rule, TimeOnly time, string zone);
}
