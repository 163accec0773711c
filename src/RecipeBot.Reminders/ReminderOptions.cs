namespace RecipeBot.Reminders;

/// <summary>
/// When meeting notifications go out and how late they may still go (section <c>Reminders</c>).
/// Validated at start-up by <see cref="ReminderOptionsValidator"/>.
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>The lead times used when <see cref="LeadTimes"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultLeadTimes { get; } = ["1d@10:00", "1h"];

    /// <summary>False: meetings are stored, nothing is timed or sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// True: Quartz keeps its timers in the SQLite file (scheduler <c>recipebot</c>, one process per file).
    /// False: in memory, rebuilt from the meetings by the catch-up at every start — what the terminal chat
    /// uses, so it can run next to the server on the same file without sharing the server's timers.
    /// </summary>
    public bool PersistentTimers { get; set; } = true;

    /// <summary>
    /// Reminders before each meeting: <c>Nd@HH:mm</c> (N days before, at that local time of the
    /// meeting's zone), <c>Nh</c> or <c>Nm</c> (that long before). Null means
    /// <see cref="DefaultLeadTimes"/>; a configured list replaces the defaults rather than adding to them.
    /// </summary>
    public string[]? LeadTimes { get; set; }

    /// <summary>The days after a meeting's start when it is reminded to be closed, if it is not yet (as Decidim does).</summary>
    public static IReadOnlyList<int> DefaultCloseReminderDays { get; } = [3, 7];

    /// <summary>The question to close a meeting (minutes, attendance, organisations, decisions) comes this long after its start.</summary>
    public TimeSpan CloseAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Days after the start when a meeting not closed yet gets one reminder each; null means
    /// <see cref="DefaultCloseReminderDays"/>, a configured list replaces them.
    /// </summary>
    public int[]? CloseReminderDays { get; set; }

    /// <summary>How late a follow-up or next-step question may still be sent (marked late); later ones are skipped.</summary>
    public TimeSpan FollowUpGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A notification sent within this of its due time is on time, not late. Ten minutes, because many reminders due
    /// at one minute leave at Telegram's 30/s (10,000 take about 6 min), and a reminder naming the meeting's start is
    /// no less right for coming a few minutes after its time; the "late" wording is for a bot that was down.
    /// </summary>
    public TimeSpan OnTimeTolerance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A notification whose claim another dispatcher held, or that the store failed to queue, is tried again this
    /// much later. Channel failures are the outbox's to retry.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A claim another instance has left Pending (not queued) this long is taken to be from a crashed
    /// instance and is queued again. This instance's own Pending claims are queued again at once.
    /// </summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How far back a dispatch looks for notifications never claimed (the bot was down). Anything older
    /// is forgotten without a ledger row; within it the late policy decides between late and skipped.
    /// </summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Besides at start-up, the catch-up runs this often: it resends what a crashed peer left unconfirmed
    /// and sets every timer again. Zero: at start-up only.
    /// </summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the lead of each action-plan commitment is asked how far it is: this long after the commitment was
    /// added or last reported on, and again after each further such span without a report.
    /// </summary>
    public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// This instance's name in the ledger (owner of its claims). Empty: <c>Storage:InstanceId</c>, else on PostgreSQL
    /// <c>{machine}/{process id}</c>, else the machine name.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>The close reminders in force, in order: <see cref="CloseReminderDays"/> or the defaults.</summary>
    public IReadOnlyList<int> EffectiveCloseReminderDays => CloseReminderDays?.Distinct().Order().ToArray() ?? DefaultCloseReminderDays;

    /// <summary>The lead times in force: <see cref="LeadTimes"/> or the defaults.</summary>
    public IReadOnlyList<string> EffectiveLeadTimes => LeadTimes ?? DefaultLeadTimes;

    /// <summary>The owner id written with each claim.</summary>
    public string EffectiveInstanceId => string.IsNullOrWhiteSpace(InstanceId) ? Environment.MachineName : InstanceId;
}
