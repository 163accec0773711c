using System.Text;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Dialogs;

/// <summary>One meeting: its details, its <c>.ics</c>, and pause, resume, change and cancel through its machine.</summary>
public sealed partial class MeetingsDialog
{
    private async ValueTask<OutgoingMessage> ActAsync(DialogTurn turn, MeetingButton button)
    {
        var conversation = turn.Conversation;
        var cancellationToken = turn.CancellationToken;
        var meeting = await _meetings.Store.GetAsync(button.MeetingId, cancellationToken).ConfigureAwait(false);
        if (meeting is null || meeting.Status == MeetingStatus.Cancelled || meeting.ConversationId != conversation.Id)
        {
            return await ListAsync(conversation, _replies.Say(conversation, "meeting-not-found"), cancellationToken).ConfigureAwait(false);
        }

        var summary = _messages.Summary(meeting.Schedule, conversation.Language);
        switch (button.What)
        {
            case MeetingButton.Kind.Open:
                return Details(conversation, meeting);
            case MeetingButton.Kind.Ics:
                var exported = meeting.Schedule with { Title = _messages.Title(meeting) };
                var calendar = exported.ToICalendar($"{meeting.Id}@recipebot", _replies.Now);
                return Details(conversation, meeting) with
                {
                    Text = _replies.Say(conversation, "meeting-ics-caption", ("summary", summary)),
                    Attachment = new MessageAttachment($"meeting-{meeting.Id}.ics", "text/calendar", Encoding.UTF8.GetBytes(calendar)),
                };
        }

        if (!await MayChangeAsync(_meetings, turn, meeting).ConfigureAwait(false))
        {
            var refused = Details(conversation, meeting);
            return refused with { Text = _replies.Say(conversation, "meeting-not-allowed") + "\n\n" + refused.Text };
        }

        var (trigger, key) = button.What switch
        {
            MeetingButton.Kind.Pause => (MeetingMachine.Trigger.Pause, "meeting-paused"),
            MeetingButton.Kind.Resume => (MeetingMachine.Trigger.Resume, "meeting-resumed"),
            MeetingButton.Kind.Cancel => (MeetingMachine.Trigger.Cancel, "meeting-cancelled"),
            _ => ((MeetingMachine.Trigger?)null, string.Empty),
        };
        if (trigger is null)
        {
            return _schedule.StartChange(conversation, meeting);
        }

        var machine = _machines.Rent();
        (machine.Bound, machine.Now, machine.CancellationToken) = (meeting, _replies.Now, cancellationToken);
        try
        {
            await machine.Machine.FireAsync(trigger.Value).ConfigureAwait(false);
        }
        finally
        {
            machine.Bound = null;
            _machines.Return(machine);
        }

        return await ListAsync(conversation, _replies.Say(conversation, key, ("summary", summary)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>On entering a status: the meeting is saved and the reminders follow.</summary>
    private async Task SaveAsync(MeetingMachine machine)
    {
        var meeting = machine.Meeting;
        await _meetings.Store.SaveAsync(meeting, machine.CancellationToken).ConfigureAwait(false);
        await _meetings.Scheduler.MeetingChangedAsync(meeting, machine.CancellationToken).ConfigureAwait(false);
        LogStatus(meeting.Id, meeting.ConversationId, meeting.Status);
    }

    private OutgoingMessage Details(Conversation conversation, Meeting meeting)
    {
        var view = MeetingMessages.View(meeting.Schedule, _replies.Now);
        var text = _replies.Say(
            conversation,
            "meeting-details",
            ("summary", _messages.Summary(meeting.Schedule, conversation.Language)),
            ("status", StatusMark(conversation, meeting)),
            ("dates", view.Next.Count == 0
                ? _replies.Say(conversation, "meeting-none-left")
                : string.Join("\n", view.Next.Select(s => "• " + _messages.When(s, meeting.Schedule.TimeZone, conversation.Language)))));
        List<ChoiceView> choices =
        [
            meeting.Status == MeetingStatus.Paused ? Button(conversation, MeetingButton.Kind.Resume, meeting) : Button(conversation, MeetingButton.Kind.Pause, meeting),
            Button(conversation, MeetingButton.Kind.Change, meeting),
            Button(conversation, MeetingButton.Kind.Ics, meeting),
            Button(conversation, MeetingButton.Kind.Cancel, meeting),
            new(MeetingButton.List.Id, _replies.Say(conversation, "meetings-back")),
        ];
        return Replies.Own(conversation, text, choices, view);
    }

    private ChoiceView Button(Conversation conversation, MeetingButton.Kind what, Meeting meeting)
    {
        var button = new MeetingButton(what, meeting.Id);
        return new ChoiceView(button.Id, LabelOf(conversation, button.Id, 0)!);
    }

    private string StatusMark(Conversation conversation, Meeting meeting) =>
        meeting.Status == MeetingStatus.Paused ? _replies.Say(conversation, "meetings-paused-mark") : string.Empty;

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} of conversation {ConversationId} is now {Status}")]
    private partial void LogStatus(string meetingId, string conversationId, MeetingStatus status);
}
