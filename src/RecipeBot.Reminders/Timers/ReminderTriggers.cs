using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Quartz;

namespace RecipeBot.Reminders.Timers;

/// <summary>
/// Names in the Quartz store: scheduler <c>recipebot</c>, one durable job <c>reminders.reminder</c>, and one
/// one-shot trigger per meeting (<c>reminders.meeting.{id}</c>) and per next step
/// (<c>reminders.next-step.{hash of conversation and situation}</c>) and per action plan
/// (<c>reminders.plan.{hash of conversation}</c>) carrying what to dispatch in its job data.
/// </summary>
public static class ReminderTriggers
{
    public const string SchedulerName = "recipebot";

    public const string Group = "reminders";

    /// <summary>Job data key of a meeting trigger: the meeting id.</summary>
    public const string MeetingData = "meeting";

    /// <summary>Job data key of a next-step trigger: conversation id and situation id, a line apart.</summary>
    public const string NextStepData = "next-step";

    /// <summary>Job data key of an action-plan trigger: the conversation id.</summary>
    public const string PlanData = "plan";

    public static JobKey Job { get; } = new("reminder", Group);

    public static TriggerKey Meeting(string meetingId) => new("meeting." + meetingId, Group);

    public static TriggerKey NextStep(string conversationId, string situationId) =>
        new("next-step." + Hash(NextStepValue(conversationId, situationId)), Group);

    public static TriggerKey Plan(string conversationId) => new("plan." + Hash(conversationId), Group);

    public static string NextStepValue(string conversationId, string situationId) => conversationId + "\n" + situationId;

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];

    public static bool TryParseNextStep(string? value, [NotNullWhen(true)] out string? conversationId, [NotNullWhen(true)] out string? situationId)
    {
        var split = value?.LastIndexOf('\n') ?? -1;
        conversationId = split > 0 ? value![..split] : null;
        situationId = split > 0 && split < value!.Length - 1 ? value[(split + 1)..] : null;
        return conversationId is not null && situationId is not null;
    }
}
