namespace RecipeBot.Reminders;

/// <summary>
/// One durable timer per meeting, per next step and per action plan, set to when it next needs the dispatcher.
/// Quartz keeps them (<see cref="Timers.QuartzReminderTimers"/>); the timer only wakes the
/// dispatcher up, it never decides what is sent.
/// </summary>
public interface IReminderTimers
{
    /// <summary>Sets the meeting's timer to <paramref name="at"/>, or removes it when null.</summary>
    ValueTask SetMeetingTimerAsync(string meetingId, DateTimeOffset? at, CancellationToken cancellationToken);

    /// <summary>Sets the timer of the next step of (conversation, situation) to <paramref name="at"/>, or removes it when null.</summary>
    ValueTask SetNextStepTimerAsync(string conversationId, string situationId, DateTimeOffset? at, CancellationToken cancellationToken);

    /// <summary>Sets the timer of the conversation's action plan to its next check-in, or removes it when null.</summary>
    ValueTask SetPlanTimerAsync(string conversationId, DateTimeOffset? at, CancellationToken cancellationToken);
}
