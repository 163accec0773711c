namespace RecipeBot.Core.Meetings;

/// <summary>
/// Keeps the timers in step with what the conversation decided. The engine calls it after the
/// turn that created, changed, paused or cancelled a meeting or agreed to a next step.
/// </summary>
public interface IReminderScheduler
{
    /// <summary>Plans the meeting's next notification, or removes its timer when it is paused or cancelled.</summary>
    ValueTask MeetingChangedAsync(Meeting meeting, CancellationToken cancellationToken);

    /// <summary>Plans the prompt, or removes its timer when <paramref name="removed"/>.</summary>
    ValueTask NextStepChangedAsync(NextStep step, bool removed, CancellationToken cancellationToken);
}

/// <summary>For hosts without reminders: the meetings are stored, nothing is timed.</summary>
public sealed class NoReminderScheduler : IReminderScheduler
{
    public static NoReminderScheduler Instance { get; } = new();

    public ValueTask MeetingChangedAsync(Meeting meeting, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask NextStepChangedAsync(NextStep step, bool removed, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
