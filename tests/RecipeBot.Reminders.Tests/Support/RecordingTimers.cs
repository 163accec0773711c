using System.Collections.Concurrent;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>Timers that only remember where each was last set (null: removed).</summary>
public sealed class RecordingTimers : IReminderTimers
{
    public ConcurrentDictionary<string, DateTimeOffset?> Meetings { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<(string Conversation, string Situation), DateTimeOffset?> NextSteps { get; } = new();

    public ConcurrentDictionary<string, DateTimeOffset?> Plans { get; } = new(StringComparer.Ordinal);

    public ValueTask SetPlanTimerAsync(string conversationId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        Plans[conversationId] = at;
        return ValueTask.CompletedTask;
    }

    public ValueTask SetMeetingTimerAsync(string meetingId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        Meetings[meetingId] = at;
        return ValueTask.CompletedTask;
    }

    public ValueTask SetNextStepTimerAsync(string conversationId, string situationId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        NextSteps[(conversationId, situationId)] = at;
        return ValueTask.CompletedTask;
    }
}
