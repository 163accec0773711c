using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Engine;

/// <summary>
/// The conversation's meetings: <c>/meetings</c> with pause, resume, change, cancel and <c>.ics</c>
/// export, the group rule on who may change one, "minutes published", and <c>/timezone</c>.
/// </summary>
public sealed partial class RecipeEngine
{
    /// <summary>Buttons of meetings, minutes and next steps, pressed now or days later.</summary>
    private async ValueTask<OutgoingMessage?> MeetingButtonAsync(Conversation conversation, IncomingMessage message, string text, CancellationToken cancellationToken)
    {
        if (text.StartsWith(MeetingPrefix, StringComparison.Ordinal))
        {
            conversation.Draft = null;
            var parts = text[MeetingPrefix.Length..].Split(':');
            return parts[0] == "list"
                ? await ListMeetingsAsync(conversation, null, cancellationToken).ConfigureAwait(false)
                : await MeetingActionAsync(conversation, message, parts[0], parts.Length > 1 ? parts[1] : "open", cancellationToken).ConfigureAwait(false);
        }

        if (text.StartsWith(NotificationKeys.MinutesDoneChoicePrefix, StringComparison.Ordinal))
        {
            var parts = text[NotificationKeys.MinutesDoneChoicePrefix.Length..].Split(':');
            if (parts.Length == 2 && NotificationKeys.ParseOccurrence(parts[1]) is { } occurrence
                && await _meetings.Store.GetAsync(parts[0], cancellationToken).ConfigureAwait(false) is { } meeting
                && meeting.ConversationId == conversation.Id)
            {
                var now = time.GetUtcNow();
                await _meetings.Store.TryClaimAsync(
                    NotificationKeys.Meeting(parts[0], occurrence, NotificationKeys.MinutesDone), parts[0], occurrence, NotificationStatus.Done, now, cancellationToken).ConfigureAwait(false);
                return Prompt(conversation, Say(conversation, "meeting-minutes-thanks"));
            }
        }

        if (text.StartsWith(NotificationKeys.StepDoneChoicePrefix, StringComparison.Ordinal))
        {
            return await NextStepAnsweredAsync(conversation, text[NotificationKeys.StepDoneChoicePrefix.Length..], done: true, cancellationToken).ConfigureAwait(false);
        }

        if (text.StartsWith(NotificationKeys.StepStuckChoicePrefix, StringComparison.Ordinal))
        {
            return await NextStepAnsweredAsync(conversation, text[NotificationKeys.StepStuckChoicePrefix.Length..], done: false, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async ValueTask<OutgoingMessage> ListMeetingsAsync(Conversation conversation, string? before, CancellationToken cancellationToken)
    {
        var meetings = await _meetings.Store.ListAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        if (meetings.Count == 0)
        {
            var none = Prompt(conversation, (before is null ? string.Empty : before + "\n\n") + Say(conversation, "meetings-none"));
            return none;
        }

        var now = time.GetUtcNow();
        var text = new StringBuilder(before is null ? string.Empty : before + "\n\n").Append(Say(conversation, "meetings-list"));
        var choices = new List<ChoiceView>();
        for (var i = 0; i < meetings.Count; i++)
        {
            var meeting = meetings[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var next = meeting.Schedule.Next(now, 1);
            text.Append('\n').Append(Say(conversation, "meetings-item")
                .Replace("{n}", number, StringComparison.Ordinal)
                .Replace("{summary}", _messages.Summary(meeting.Schedule, conversation.Language), StringComparison.Ordinal)
                .Replace("{status}", StatusMark(conversation, meeting), StringComparison.Ordinal)
                .Replace("{next}", next.Count == 0 ? Say(conversation, "meeting-none-left") : _messages.When(next[0], meeting.Schedule.TimeZone, conversation.Language), StringComparison.Ordinal));
            choices.Add(new(MeetingPrefix + meeting.Id, Say(conversation, "meetings-open").Replace("{n}", number, StringComparison.Ordinal)));
        }

        choices.AddRange(flow[conversation.State].ChoiceViews(conversation.Language));
        return new OutgoingMessage(conversation.Id, text.ToString(), choices, [], conversation.State, conversation.Language);
    }

    private async ValueTask<OutgoingMessage> MeetingActionAsync(Conversation conversation, IncomingMessage message, string meetingId, string action, CancellationToken cancellationToken)
    {
        var meeting = await _meetings.Store.GetAsync(meetingId, cancellationToken).ConfigureAwait(false);
        if (meeting is null || meeting.Status == MeetingStatus.Cancelled || meeting.ConversationId != conversation.Id)
        {
            return await ListMeetingsAsync(conversation, Say(conversation, "meeting-not-found"), cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var summary = _messages.Summary(meeting.Schedule, conversation.Language);
        if (action == "ics")
        {
            var exported = meeting.Schedule with { Title = _messages.Title(meeting) };
            var calendar = exported.ToICalendar($"{meeting.Id}@recipebot", now);
            var details = MeetingDetails(conversation, meeting);
            return details with
            {
                Text = Say(conversation, "meeting-ics-caption").Replace("{summary}", summary, StringComparison.Ordinal),
                Attachment = new MessageAttachment($"meeting-{meeting.Id}.ics", "text/calendar", Encoding.UTF8.GetBytes(calendar)),
            };
        }

        if (action == "open")
        {
            return MeetingDetails(conversation, meeting);
        }

        if (!await MayChangeAsync(conversation, message, meeting, cancellationToken).ConfigureAwait(false))
        {
            var refused = MeetingDetails(conversation, meeting);
            return refused with { Text = Say(conversation, "meeting-not-allowed") + "\n\n" + refused.Text };
        }

        switch (action)
        {
            case "change":
                return StartDraft(conversation, meeting.Id);
            case "pause" or "resume" or "cancel":
                var (status, key) = action switch
                {
                    "pause" => (MeetingStatus.Paused, "meeting-paused"),
                    "resume" => (MeetingStatus.Active, "meeting-resumed"),
                    _ => (MeetingStatus.Cancelled, "meeting-cancelled"),
                };
                var changed = meeting with { Status = status, UpdatedAt = now };
                await _meetings.Store.SaveAsync(changed, cancellationToken).ConfigureAwait(false);
                await _meetings.Scheduler.MeetingChangedAsync(changed, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Meeting {MeetingId} of conversation {ConversationId} is now {Status}", meeting.Id, conversation.Id, status);
                return await ListMeetingsAsync(conversation, Say(conversation, key).Replace("{summary}", summary, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            default:
                return MeetingDetails(conversation, meeting);
        }
    }

    private OutgoingMessage MeetingDetails(Conversation conversation, Meeting meeting)
    {
        var now = time.GetUtcNow();
        var view = MeetingMessages.View(meeting.Schedule, now);
        var text = Say(conversation, "meeting-details")
            .Replace("{summary}", _messages.Summary(meeting.Schedule, conversation.Language), StringComparison.Ordinal)
            .Replace("{status}", StatusMark(conversation, meeting), StringComparison.Ordinal)
            .Replace("{dates}", view.Next.Count == 0 ? Say(conversation, "meeting-none-left") : Dates(view.Next, meeting.Schedule.TimeZone, conversation.Language), StringComparison.Ordinal);
        var prefix = MeetingPrefix + meeting.Id + ":";
        List<ChoiceView> choices =
        [
            meeting.Status == MeetingStatus.Paused
                ? new(prefix + "resume", Say(conversation, "meeting-resume"))
                : new(prefix + "pause", Say(conversation, "meeting-pause")),
            new(prefix + "change", Say(conversation, "meeting-change")),
            new(prefix + "ics", Say(conversation, "meeting-ics")),
            new(prefix + "cancel", Say(conversation, "meeting-cancel")),
            new(MeetingPrefix + "list", Say(conversation, "meetings-back")),
        ];
        return new OutgoingMessage(conversation.Id, text, choices, [], conversation.State, conversation.Language, view);
    }

    /// <summary>In a group, only the creator, a group admin or a configured coordinator may change a meeting.</summary>
    private async ValueTask<bool> MayChangeAsync(Conversation conversation, IncomingMessage message, Meeting meeting, CancellationToken cancellationToken)
    {
        if (!message.IsGroup)
        {
            return true;
        }

        if (message.UserId is not { } user)
        {
            return false;
        }

        var channel = conversation.Id[..(conversation.Id.IndexOf(':', StringComparison.Ordinal) + 1)];
        return user == meeting.CreatedBy
            || _meetings.Coordinators.Contains(channel + user)
            || await _meetings.Permissions.IsAdminAsync(conversation.Id, user, cancellationToken).ConfigureAwait(false);
    }

    private string StatusMark(Conversation conversation, Meeting meeting) =>
        meeting.Status == MeetingStatus.Paused ? Say(conversation, "meetings-paused-mark") : string.Empty;



    private OutgoingMessage ChangeTimeZone(Conversation conversation, string argument)
    {
        if (argument.Length == 0)
        {
            return Prompt(conversation, Say(conversation, "timezone-current").Replace("{zone}", ZoneOf(conversation), StringComparison.Ordinal));
        }

        if (TimeZoneNames.Resolve(argument) is not { } zone)
        {
            return Prompt(conversation, Say(conversation, "schedule.hint." + ScheduleErrorCodes.UnknownTimeZone));
        }

        conversation.TimeZone = zone;
        return Prompt(conversation, Say(conversation, "timezone-changed").Replace("{zone}", zone, StringComparison.Ordinal));
    }

    private static string ZoneOf(Conversation conversation) => conversation.TimeZone ?? MeetingSchedule.DefaultTimeZone;
}
