namespace RecipeBot.Core.Meetings;

/// <summary>What the engine needs for meetings and next steps; <see cref="InMemory"/> when a host has no storage.</summary>
/// <param name="Coordinators">Channel-qualified user ids (e.g. <c>telegram:123456</c>) who may change any meeting in a group.</param>
/// <param name="NextStepAfter">How long after "I'll try this" the bot asks how it went.</param>
/// <param name="LeadTimes">The reminder lead times (<c>1d@10:00</c>, <c>1h</c>, <c>30m</c>) the confirmation names; empty when reminders are off.</param>
public sealed record MeetingServices(
    IMeetingStore Store,
    IReminderScheduler Scheduler,
    IChatPermissions Permissions,
    IReadOnlySet<string> Coordinators,
    TimeSpan NextStepAfter,
    IReadOnlyList<string>? LeadTimes = null)
{
    public static readonly TimeSpan DefaultNextStepAfter = TimeSpan.FromDays(7);

    /// <summary>Reminders' own default: the day before at 10:00 and one hour before.</summary>
    public static IReadOnlyList<string> DefaultLeadTimes { get; } = ["1d@10:00", "1h"];

    public IReadOnlyList<string> EffectiveLeadTimes => LeadTimes ?? DefaultLeadTimes;

    public static MeetingServices InMemory() => new(
        new InMemoryMeetingStore(), NoReminderScheduler.Instance, NoChatPermissions.Instance, new HashSet<string>(), DefaultNextStepAfter);
}
