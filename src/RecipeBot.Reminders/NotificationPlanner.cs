using Microsoft.Extensions.Options;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Reminders;

/// <summary>
/// Which notifications a meeting has and when each is due: pure arithmetic on the schedule's
/// occurrences (<see cref="RecipeBot.Scheduling.MeetingSchedule.Next"/>, DST-correct) and the
/// configured lead times. Nothing here reads the clock or the ledger.
/// </summary>
public sealed class NotificationPlanner
{
    private const int Batch = 16;

    private readonly ReminderOptions _options;
    private readonly TimeSpan _maxBefore;
    private readonly TimeSpan _maxAfter;

    public NotificationPlanner(IOptions<ReminderOptions> options)
        : this(options.Value)
    {
    }

    public NotificationPlanner(ReminderOptions options)
    {
        _options = options;
        LeadTimes = [.. options.EffectiveLeadTimes.Select(LeadTime.Parse)];
        // How far from its start an occurrence's notifications can fall: a wall-clock lead is at most
        // (days + 1) days and a DST hour before the start.
        _maxBefore = LeadTimes.Select(l => l.At is null ? l.Before : TimeSpan.FromDays(l.Days + 1) + TimeSpan.FromHours(2))
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
        _maxAfter = options.EffectiveCloseReminderDays.Select(d => TimeSpan.FromDays(d)).Append(options.CloseAfter).Max();
    }

    public IReadOnlyList<LeadTime> LeadTimes { get; }

    /// <summary>
    /// What <paramref name="meeting"/> owes at <paramref name="now"/>: notifications due after the meeting
    /// was last saved (and within the catch-up window) and not after <paramref name="now"/>, and the
    /// next due time. A meeting that is not active, or whose schedule is not usable, owes nothing.
    /// </summary>
    public NotificationPlan Plan(Meeting meeting, DateTimeOffset now)
    {
        if (meeting.Status != MeetingStatus.Active || !meeting.Schedule.IsUsable)
        {
            return new NotificationPlan([], null);
        }

        // Nothing is owed from before the meeting existed in this form (created, resumed or changed).
        var from = new[] { meeting.CreatedAt, meeting.UpdatedAt, now - _options.CatchUpWindow }.Max();
        return new NotificationPlan(from < now ? Between(meeting, from, now) : [], NextAfter(meeting, now));
    }

    /// <summary>Every notification of <paramref name="meeting"/> due after <paramref name="from"/> and not after <paramref name="to"/>, by due time.</summary>
    public IReadOnlyList<PlannedNotification> Between(Meeting meeting, DateTimeOffset from, DateTimeOffset to)
    {
        if (!meeting.Schedule.IsUsable)
        {
            return [];
        }

        var zone = Zone(meeting);
        var found = new List<PlannedNotification>();
        foreach (var start in Occurrences(meeting, from - _maxAfter))
        {
            if (start - _maxBefore > to)
            {
                break;
            }

            found.AddRange(For(meeting, start, zone).Where(n => n.DueAt > from && n.DueAt <= to));
        }

        return [.. found.OrderBy(n => n.DueAt).ThenBy(n => n.Kind, StringComparer.Ordinal)];
    }

    /// <summary>The first due time strictly after <paramref name="after"/>, or null when the series has no more.</summary>
    public DateTimeOffset? NextAfter(Meeting meeting, DateTimeOffset after)
    {
        if (!meeting.Schedule.IsUsable)
        {
            return null;
        }

        var zone = Zone(meeting);
        DateTimeOffset? next = null;
        foreach (var start in Occurrences(meeting, after - _maxAfter))
        {
            if (next is { } found && start - _maxBefore > found)
            {
                break;
            }

            foreach (var notification in For(meeting, start, zone))
            {
                if (notification.DueAt > after && (next is null || notification.DueAt < next))
                {
                    next = notification.DueAt;
                }
            }
        }

        return next;
    }

    /// <summary>
    /// The notification <paramref name="kind"/> of the occurrence starting at <paramref name="occurrence"/>,
    /// also for a lead time no longer configured (a claim written before a configuration change); null for an unknown kind.
    /// </summary>
    public PlannedNotification? Describe(Meeting meeting, DateTimeOffset occurrence, string kind)
    {
        if (!meeting.Schedule.IsUsable)
        {
            return null;
        }

        var zone = Zone(meeting);
        return For(meeting, occurrence, zone).FirstOrDefault(n => n.Kind == kind)
            ?? (LeadTime.FromKind(kind) is { } lead ? Reminder(meeting, occurrence, lead, zone) : null)
            ?? (NotificationKeys.CloseReminderDays(kind) is { } days ? FollowUp(meeting, occurrence, kind, occurrence + TimeSpan.FromDays(days)) : null);
    }

    /// <summary>The notifications of one occurrence: reminders whose due time is before the start, then the follow-ups.</summary>
    private IEnumerable<PlannedNotification> For(Meeting meeting, DateTimeOffset start, TimeZoneInfo zone)
    {
        foreach (var lead in LeadTimes)
        {
            if (Reminder(meeting, start, lead, zone) is { } reminder)
            {
                yield return reminder;
            }
        }

        yield return FollowUp(meeting, start, NotificationKeys.Close, start + _options.CloseAfter);
        foreach (var days in _options.EffectiveCloseReminderDays)
        {
            yield return FollowUp(meeting, start, NotificationKeys.CloseReminder(days), start + TimeSpan.FromDays(days));
        }
    }

    private static PlannedNotification? Reminder(Meeting meeting, DateTimeOffset start, LeadTime lead, TimeZoneInfo zone)
    {
        var due = lead.DueFor(start, zone);
        // "0d@20:00" before an 18:00 meeting would come after it: there is no such reminder.
        return due < start
            ? new PlannedNotification(NotificationKeys.Meeting(meeting.Id, start, lead.Kind), lead.Kind, meeting.Id, start, due, start - due)
            : null;
    }

    private PlannedNotification FollowUp(Meeting meeting, DateTimeOffset start, string kind, DateTimeOffset due) =>
        new(NotificationKeys.Meeting(meeting.Id, start, kind), kind, meeting.Id, start, due, _options.FollowUpGrace);

    private static IEnumerable<DateTimeOffset> Occurrences(Meeting meeting, DateTimeOffset after)
    {
        while (true)
        {
            var batch = meeting.Schedule.Next(after, Batch);
            foreach (var start in batch)
            {
                yield return start;
            }

            if (batch.Count < Batch)
            {
                yield break;
            }

            after = batch[^1];
        }
    }

    private static TimeZoneInfo Zone(Meeting meeting) => TimeZoneInfo.FindSystemTimeZoneById(meeting.Schedule.TimeZone);
}
