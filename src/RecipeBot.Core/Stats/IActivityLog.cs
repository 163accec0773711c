namespace RecipeBot.Core.Stats;

/// <summary>
/// What a conversation did that the council's figures count (a situation diagnosed, a recipe tried), with the day
/// it first happened. One row per conversation, kind, subject and day, so a repeated turn counts once.
/// </summary>
public interface IActivityLog
{
    ValueTask RecordAsync(ActivityEvent activity, CancellationToken cancellationToken);

    /// <summary>The conversation's events, oldest first.</summary>
    ValueTask<IReadOnlyList<ActivityEvent>> ListAsync(string conversationId, CancellationToken cancellationToken);

    ValueTask EraseAsync(string conversationId, CancellationToken cancellationToken);
}
