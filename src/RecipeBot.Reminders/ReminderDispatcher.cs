using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Channels;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Plans;
using RecipeBot.Reminders.Plans;

namespace RecipeBot.Reminders;

/// <summary>
/// Queues what is due, once. Each notification is claimed in the ledger first
/// (<see cref="IMeetingStore.TryClaimAsync"/>): whoever inserts the row queues it, everybody else skips.
/// The message then goes into the outbox in the transaction that completes the claim
/// (<see cref="IMeetingStore.QueueAsync"/>), so a crash before the commit leaves a Pending row that
/// <see cref="CatchUpAsync"/> queues again, and after it the outbox delivers (retrying channel failures).
/// "Now" is <see cref="TimeProvider"/>'s; a timer only says when to look.
/// </summary>
public sealed partial class ReminderDispatcher
{
    private readonly IMeetingStore _store;
    private readonly ICloseOutStore _closeOuts;
    private readonly ChannelSenders _senders;
    private readonly IChatDirectory _chats;
    private readonly OutboxSignal _signal;
    private readonly MeetingMessages _messages;
    private readonly NotificationPlanner _planner;
    private readonly IReminderTimers _timers;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReminderDispatcher> _logger;
    private readonly IPlanStore? _plans;
    private readonly PlanMessages? _planMessages;
    private readonly CheckInPlanner _checkIns;

    // Keys this process is queueing right now, so that two dispatches here never queue one key twice.
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public ReminderDispatcher(
        IMeetingStore store,
        ChannelSenders senders,
        IChatDirectory chats,
        OutboxSignal signal,
        MeetingMessages messages,
        NotificationPlanner planner,
        IReminderTimers timers,
        IOptions<ReminderOptions> options,
        TimeProvider time,
        ILogger<ReminderDispatcher> logger,
        ICloseOutStore closeOuts,
        IPlanStore? plans = null,
        PlanMessages? planMessages = null)
    {
        _store = store;
        _plans = plans;
        _planMessages = planMessages;
        _checkIns = new CheckInPlanner(options.Value);
        _closeOuts = closeOuts;
        _senders = senders;
        _chats = chats;
        _signal = signal;
        _messages = messages;
        _planner = planner;
        _timers = timers;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The owner id this dispatcher writes into its claims.</summary>
    public string InstanceId => _options.EffectiveInstanceId;

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// Queues the meeting's due notifications and sets its timer to the next due time (or a retry when a claim was
    /// busy or the store failed); removes the timer when the meeting is gone, paused or over. Returns what the timer was set to.
    /// </summary>
    public async ValueTask<DateTimeOffset?> DispatchMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        var meeting = await _store.GetAsync(meetingId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? next = null;
        if (meeting is not null && !_senders.Serves(meeting.ConversationId))
        {
            // Another process's channel (the terminal chat next to the server): not ours to claim or time.
            await _timers.SetMeetingTimerAsync(meetingId, null, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (meeting is { Status: MeetingStatus.Active } && !meeting.Schedule.IsUsable)
        {
            // Saved before the limits, or edited by hand: no reminders rather than an error at every catch-up.
            LogUnusableSchedule(meeting.Id, meeting.Schedule.RecurrenceRule, meeting.Schedule.TimeZone);
        }
        else if (meeting is { Status: MeetingStatus.Active })
        {
            var plan = _planner.Plan(meeting, Now);
            var retry = false;
            foreach (var (notification, superseded) in MarkSuperseded(plan.Due))
            {
                var delivery = await DeliverAsync(meeting, notification, superseded, cancellationToken).ConfigureAwait(false);
                if (delivery == Delivery.Blocked)
                {
                    await PauseConversationAsync(meeting.ConversationId, cancellationToken).ConfigureAwait(false);
                    return null;
                }

                retry |= delivery == Delivery.Retry;
            }

            next = Earliest(plan.NextDueAt, retry ? Now + _options.RetryDelay : null);

            // Dispatching can take a while under load; if the meeting was changed, paused or resumed meanwhile,
            // the engine has set its timer from the new schedule and this plan is stale: look again.
            var current = await _store.GetAsync(meetingId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.UpdatedAt != meeting.UpdatedAt || current.Status != meeting.Status)
            {
                return await DispatchMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
            }
        }

        await _timers.SetMeetingTimerAsync(meetingId, next, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>
    /// Asks the next step's question once it is due, then deletes the step; sets or removes its timer.
    /// Returns what the timer was set to.
    /// </summary>
    public async ValueTask<DateTimeOffset?> DispatchNextStepAsync(string conversationId, string situationId, CancellationToken cancellationToken)
    {
        var step = await _store.GetNextStepAsync(conversationId, situationId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? next = null;
        if (step is not null && !_senders.Serves(conversationId))
        {
            step = null;
        }

        if (step is not null)
        {
            next = step.DueAt > Now
                ? step.DueAt
                : await DeliverAsync(step, cancellationToken).ConfigureAwait(false) == Delivery.Retry ? Now + _options.RetryDelay : null;
            if (next is null && await _store.GetNextStepAsync(conversationId, situationId, cancellationToken).ConfigureAwait(false) is { } again && again.DueAt != step.DueAt)
            {
                // Agreed again while the question was queued: the new date stands.
                next = again.DueAt;
            }
        }

        await _timers.SetNextStepTimerAsync(conversationId, situationId, next, cancellationToken).ConfigureAwait(false);
        return next;
    }

    private async ValueTask<Delivery> DeliverAsync(Meeting meeting, PlannedNotification notification, bool superseded, CancellationToken cancellationToken)
    {
        if (NotificationKeys.IsClose(notification.Kind) && await ClosedAsync(meeting.Id, notification.Occurrence, cancellationToken).ConfigureAwait(false))
        {
            return Delivery.Done;
        }

        var claim = await ClaimAsync(notification.Key, notification.DueAt, cancellationToken).ConfigureAwait(false);
        if (claim != Claim.Ours)
        {
            return claim == Claim.Busy ? Delivery.Retry : Delivery.Done;
        }

        try
        {
            if (superseded)
            {
                await _store.CompleteAsync(notification.Key, NotificationStatus.Skipped, Now, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Skipped {Key}: a later reminder of the same meeting is due as well", notification.Key);
                return Delivery.Done;
            }

            return await QueueAsync(notification.Key, notification.DueAt, notification.Allowance, late => Message(meeting, notification, late), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(notification.Key, out _);
        }
    }

    private async ValueTask<Delivery> DeliverAsync(NextStep step, CancellationToken cancellationToken)
    {
        var key = NotificationKeys.NextStep(step);
        var claim = await ClaimAsync(key, step.DueAt, cancellationToken).ConfigureAwait(false);
        if (claim == Claim.Busy)
        {
            return Delivery.Retry;
        }

        if (claim == Claim.Taken)
        {
            // Asked before (by another instance, or before a crash that kept the step): only tidy up.
            await RemoveStepAsync(step, cancellationToken).ConfigureAwait(false);
            return Delivery.Done;
        }

        try
        {
            var delivery = await QueueAsync(key, step.DueAt, _options.FollowUpGrace, _ => _messages.NextStepQuestion(step), cancellationToken).ConfigureAwait(false);
            if (delivery != Delivery.Retry)
            {
                await RemoveStepAsync(step, cancellationToken).ConfigureAwait(false);
            }

            if (delivery == Delivery.Blocked)
            {
                await PauseConversationAsync(step.ConversationId, cancellationToken).ConfigureAwait(false);
            }

            return delivery;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private OutgoingMessage Message(Meeting meeting, PlannedNotification notification, bool late) => notification.Kind switch
    {
        NotificationKeys.Close => _messages.CloseQuestion(meeting, notification.Occurrence, reminder: 0),
        var kind when NotificationKeys.CloseReminderDays(kind) is { } days =>
            _messages.CloseQuestion(meeting, notification.Occurrence, reminder: 1 + _options.EffectiveCloseReminderDays.Count(d => d < days)),
        _ => _messages.Reminder(meeting, notification.Occurrence, late),
    };

    /// <summary>Closed: its close-out is finished, or (before close-outs) someone pressed "minutes published".</summary>
    private async ValueTask<bool> ClosedAsync(string meetingId, DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        await _closeOuts.GetAsync(meetingId, occurrence, cancellationToken).ConfigureAwait(false) is { IsClosed: true }
        || await IsClaimedAsync(NotificationKeys.Meeting(meetingId, occurrence, NotificationKeys.LegacyMinutesDone), cancellationToken).ConfigureAwait(false);

    private async ValueTask<bool> IsClaimedAsync(string key, CancellationToken cancellationToken) =>
        await _store.GetStatusAsync(key, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// When a dispatch finds several reminders of one occurrence due at once (the bot was down), only the
    /// latest is worth sending: the earlier ones are skipped rather than arriving in a burst.
    /// </summary>
    private static IEnumerable<(PlannedNotification Notification, bool Superseded)> MarkSuperseded(IReadOnlyList<PlannedNotification> due)
    {
        static bool IsReminder(PlannedNotification n) => n.Kind.StartsWith(LeadTime.KindPrefix, StringComparison.Ordinal);
        var latest = due.Where(IsReminder)
            .GroupBy(n => n.Occurrence)
            .ToDictionary(g => g.Key, g => g.MaxBy(n => n.DueAt)!.Key);
        return due.Select(n => (n, IsReminder(n) && latest[n.Occurrence] != n.Key));
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId} has a schedule no reminder can follow (rule '{Rule}', time zone '{TimeZone}'); it gets no reminders")]
    private partial void LogUnusableSchedule(string meetingId, string rule, string timeZone);
}
