namespace RecipeBot.Core.Meetings;

/// <summary>What the engine needs for meetings and next steps; <see cref="InMemory"/> when a host has no storage.</summary>
/// <param name="Coordinators">Channel-qualified user ids (e.g. <c>telegram:123456</c>) who may change any meeting in a group.</param>
/// <param name="NextStepAfter">How long after "I'll try this" the bot asks how it went.</param>
public sealed record MeetingServices(
    IMeetingStore Store,
    IReminderScheduler Scheduler,
    IChatPermissions Permissions,
    IReadOnlySet<string> Coordinators,
    TimeSpan NextStepAfter)
{
    public static readonly TimeSpan DefaultNextStepAfter = TimeSpan.FromDays(7);

    public static MeetingServices InMemory() => new(
        new InMemoryMeetingStore(), NoReminderScheduler.Instance, NoChatPermissions.Instance, new HashSet<string>(), DefaultNextStepAfter);
}
