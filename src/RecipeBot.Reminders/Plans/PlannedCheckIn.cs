using RecipeBot.Core.Plans;

namespace RecipeBot.Reminders.Plans;

/// <summary>One "how far is …?" to a commitment's lead: on the rhythm, or a week after <paramref name="Milestone"/>'s date.</summary>
/// <param name="Key">The ledger key, <c>plan/{commitment}/{due UTC}/{kind}</c>.</param>
public sealed record PlannedCheckIn(string Key, string ConversationId, string CommitmentId, Milestone? Milestone, DateTimeOffset DueAt);
