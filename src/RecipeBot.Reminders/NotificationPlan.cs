namespace RecipeBot.Reminders;

/// <summary>What a meeting owes at one instant: the notifications due by then (oldest first) and when the next one falls due.</summary>
/// <param name="NextDueAt">The first due time after the instant; null when the series has ended.</param>
public sealed record NotificationPlan(IReadOnlyList<PlannedNotification> Due, DateTimeOffset? NextDueAt);
