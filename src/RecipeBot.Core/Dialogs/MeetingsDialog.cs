using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// The conversation's meetings: <c>/meetings</c> with pause, resume, change, cancel and <c>.ics</c> export, the group
/// rule on who may change one (closing one too), and <c>/timezone</c>. Its buttons work whenever they are pressed.
/// </summary>
public sealed partial class MeetingsDialog
{
    private readonly Replies _replies;
    private readonly MeetingServices _meetings;
    private readonly MeetingMessages _messages;
    private readonly ScheduleDialog _schedule;
    private readonly ILogger _logger;
    private readonly MachinePool<MeetingMachine> _machines;

    public MeetingsDialog(Replies replies, MeetingServices meetings, MeetingMessages messages, ScheduleDialog schedule, ILogger logger)
    {
        _replies = replies;
        _meetings = meetings;
        _messages = messages;
        _schedule = schedule;
        _logger = logger;
        _machines = new MachinePool<MeetingMachine>(() => new MeetingMachine(SaveAsync));
    }

    /// <summary>A button of a meeting, pressed now or days later; null when the text is none.</summary>
    public async ValueTask<OutgoingMessage?> PressAsync(DialogTurn turn)
    {
        var conversation = turn.Conversation;
        var text = turn.Text.Trim();
        if (MeetingButton.TryParse(text, out var button))
        {
            conversation.Draft = null;
            return button.What == MeetingButton.Kind.List
                ? await ListAsync(conversation, null, turn.CancellationToken).ConfigureAwait(false)
                : await ActAsync(turn, button).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The label of a meeting button the last reply offered at <paramref name="position"/> (0-based), so that typing it presses it.</summary>
    public string? LabelOf(Conversation conversation, string id, int position)
    {
        if (!MeetingButton.TryParse(id, out var button))
        {
            return null;
        }

        return button.What switch
        {
            MeetingButton.Kind.List => _replies.Say(conversation, "meetings-back"),
            MeetingButton.Kind.Open => _replies.Say(conversation, "meetings-open", ("n", (position + 1).ToString(CultureInfo.InvariantCulture))),
            var what => _replies.Say(conversation, "meeting-" + what.ToString().ToLowerInvariant()),
        };
    }

    public async ValueTask<OutgoingMessage> ListAsync(Conversation conversation, string? before, CancellationToken cancellationToken)
    {
        var meetings = await _meetings.Store.ListAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder(before is null ? string.Empty : before + "\n\n");
        if (meetings.Count == 0)
        {
            return _replies.Prompt(conversation, text.Append(_replies.Say(conversation, "meetings-none")).ToString());
        }

        var now = _replies.Now;
        text.Append(_replies.Say(conversation, "meetings-list"));
        var choices = new List<ChoiceView>();
        for (var i = 0; i < meetings.Count; i++)
        {
            var meeting = meetings[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var next = meeting.Schedule.Next(now, 1);
            text.Append('\n').Append(_replies.Say(
                conversation,
                "meetings-item",
                ("n", number),
                ("summary", _messages.Summary(meeting.Schedule, conversation.Language)),
                ("status", StatusMark(conversation, meeting)),
                ("next", next.Count == 0 ? _replies.Say(conversation, "meeting-none-left") : _messages.When(next[0], meeting.Schedule.TimeZone, conversation.Language))));
            choices.Add(new(new MeetingButton(MeetingButton.Kind.Open, meeting.Id).Id, _replies.Say(conversation, "meetings-open", ("n", number))));
        }

        choices.AddRange(_replies.Flow[conversation.State].ShownChoices(conversation.Language, conversation.Role));
        return Replies.Own(conversation, text.ToString(), choices);
    }

    /// <summary><c>/timezone</c> alone says the zone; <c>/timezone Europe/Helsinki</c> changes it.</summary>
    public OutgoingMessage ChangeTimeZone(Conversation conversation, string argument)
    {
        if (argument.Length == 0)
        {
            return _replies.Prompt(conversation, _replies.Say(conversation, "timezone-current", ("zone", Replies.ZoneOf(conversation))));
        }

        if (TimeZoneNames.Resolve(argument) is not { } zone)
        {
            return _replies.Prompt(conversation, _replies.Say(conversation, "schedule.hint." + ScheduleErrorCodes.UnknownTimeZone));
        }

        conversation.TimeZone = zone;
        return _replies.Prompt(conversation, _replies.Say(conversation, "timezone-changed", ("zone", zone)));
    }

    /// <summary>In a group, only the creator, a group admin or a configured coordinator may change a meeting.</summary>
    internal static ValueTask<bool> MayChangeAsync(MeetingServices meetings, DialogTurn turn, Meeting meeting) =>
        MayChangeAsync(meetings, turn, meeting.CreatedBy);

    /// <summary>In a group, only <paramref name="createdBy"/>, a group admin or a configured coordinator may change what they made (a meeting, the plan).</summary>
    internal static async ValueTask<bool> MayChangeAsync(MeetingServices meetings, DialogTurn turn, string? createdBy)
    {
        if (!turn.Message.IsGroup)
        {
            return true;
        }

        if (turn.Message.UserId is not { } user)
        {
            return false;
        }

        var conversation = turn.Conversation;
        return user == createdBy
            || (conversation.Key is { } key && meetings.Coordinators.Contains(key.UserOfChannel(user)))
            || await meetings.Permissions.IsAdminAsync(conversation.Id, user, turn.CancellationToken).ConfigureAwait(false);
    }
}
