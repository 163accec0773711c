using Microsoft.Extensions.Options;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Plans;

namespace RecipeBot.Reminders.Plans;

/// <summary>
/// When each commitment's lead is asked "how far is …?": pure arithmetic on the plan, like
/// <see cref="NotificationPlanner"/> for meetings. Two kinds of check-in:
/// <list type="bullet">
/// <item><c>progress</c>: every <see cref="ReminderOptions.ProgressEvery"/> after the commitment was added or last reported on;</item>
/// <item><c>milestone</c>: a week after a milestone's date, at 10:00 in the plan's zone, unless a report came on or after that date.</item>
/// </list>
/// A complete commitment has none. Nothing here reads the clock or the ledger.
/// </summary>
public sealed class CheckInPlanner
{
    /// <summary>How every check-in ledger key starts: <c>plan/{commitment}/{due UTC}/{kind}</c>.</summary>
    public const string KeyPrefix = "plan/";

    public const string Progress = "progress";

    public const string MilestoneKind = "milestone";

    private static readonly TimeSpan MilestoneDelay = TimeSpan.FromDays(7);
    private static readonly TimeOnly AskAt = new(10, 0);

    private readonly ReminderOptions _options;

    public CheckInPlanner(IOptions<ReminderOptions> options)
        : this(options.Value)
    {
    }

    public CheckInPlanner(ReminderOptions options)
    {
        _options = options;
    }

    /// <summary>
    /// The check-ins of <paramref name="plan"/> due after the commitment's last news (added, reported on) and within the
    /// catch-up window, and not after <paramref name="now"/>; oldest first.
    /// </summary>
    public IReadOnlyList<PlannedCheckIn> Due(Plan plan, DateTimeOffset now) =>
        [.. plan.Commitments
            .SelectMany(c => Between(plan, c, Max(Since(c), now - _options.CatchUpWindow), now))
            .OrderBy(c => c.DueAt)
            .ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>The first check-in of the plan due strictly after <paramref name="after"/>; null when none is left.</summary>
    public DateTimeOffset? NextAfter(Plan plan, DateTimeOffset after)
    {
        DateTimeOffset? next = null;
        foreach (var commitment in plan.Commitments.Where(c => c.Level != CompletionLevel.Complete))
        {
            var since = Since(commitment);
            var from = Max(since, after);
            var rhythm = since + (Math.Floor((from - since) / _options.ProgressEvery) + 1) * _options.ProgressEvery;
            next = Min(next, rhythm);
            foreach (var milestone in Milestones(plan, commitment).Where(m => m.DueAt > from))
            {
                next = Min(next, milestone.DueAt);
            }
        }

        return next;
    }

    /// <summary>The check-in a ledger key names, if the plan still owes it at its due time; null otherwise.</summary>
    public PlannedCheckIn? Describe(Plan plan, string key)
    {
        var parts = key.Split('/');
        var due = parts.Length == 4 && parts[0] + "/" == KeyPrefix ? NotificationKeys.ParseOccurrence(parts[2]) : null;
        var commitment = due is null ? null : plan.Find(parts[1]);
        return commitment is null ? null : Between(plan, commitment, Max(Since(commitment), due!.Value - TimeSpan.FromMinutes(1)), due.Value).FirstOrDefault(c => c.Key == key);
    }

    /// <summary>The commitment id a check-in key names; null for another key.</summary>
    public static string? CommitmentOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Split('/') is [_, var id, _, _] ? id : null;

    public static string Key(string commitmentId, DateTimeOffset dueAt, string kind) =>
        $"{KeyPrefix}{commitmentId}/{NotificationKeys.Occurrence(dueAt)}/{kind}";

    /// <summary>The rhythm counts from the latest of: the commitment's creation, its last report.</summary>
    private static DateTimeOffset Since(Commitment commitment) =>
        commitment.Progress.Select(p => p.At).Append(commitment.CreatedAt).Max();

    private IEnumerable<PlannedCheckIn> Between(Plan plan, Commitment commitment, DateTimeOffset from, DateTimeOffset to)
    {
        if (commitment.Level == CompletionLevel.Complete || from >= to)
        {
            yield break;
        }

        var since = Since(commitment);
        var due = since + (Math.Floor((from - since) / _options.ProgressEvery) + 1) * _options.ProgressEvery;
        for (; due <= to; due += _options.ProgressEvery)
        {
            yield return new PlannedCheckIn(Key(commitment.Id, due, Progress), plan.ConversationId, commitment.Id, null, due);
        }

        foreach (var milestone in Milestones(plan, commitment).Where(m => m.DueAt > from && m.DueAt <= to))
        {
            yield return milestone;
        }
    }

    /// <summary>One check-in per milestone date not yet answered by a report on or after it (two milestones on one date: one check-in).</summary>
    private static IEnumerable<PlannedCheckIn> Milestones(Plan plan, Commitment commitment)
    {
        var zone = Zone(plan.TimeZone);
        var lastReport = commitment.Progress.Count == 0 ? (DateOnly?)null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(commitment.Progress.Max(p => p.At), zone).DateTime);
        foreach (var milestone in commitment.Milestones.Where(m => lastReport is null || lastReport < m.Due).GroupBy(m => m.Due).Select(g => g.First()))
        {
            var local = milestone.Due.AddDays(MilestoneDelay.Days).ToDateTime(AskAt);
            var due = new DateTimeOffset(local, zone.GetUtcOffset(local));
            yield return new PlannedCheckIn(Key(commitment.Id, due, MilestoneKind), plan.ConversationId, commitment.Id, milestone, due);
        }
    }

    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;
}
