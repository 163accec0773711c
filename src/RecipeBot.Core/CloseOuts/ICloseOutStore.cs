namespace RecipeBot.Core.CloseOuts;

/// <summary>Meeting close-outs, one per meeting occurrence.</summary>
public interface ICloseOutStore
{
    /// <summary>Inserts or replaces the close-out of its meeting occurrence.</summary>
    ValueTask SaveAsync(MeetingCloseOut closeOut, CancellationToken cancellationToken);

    ValueTask<MeetingCloseOut?> GetAsync(string meetingId, DateTimeOffset occurrence, CancellationToken cancellationToken);

    /// <summary>The conversation's close-outs, finished or not, by occurrence.</summary>
    ValueTask<IReadOnlyList<MeetingCloseOut>> ListAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes the conversation's close-outs; only those <paramref name="closedBy"/> made when it is given.</summary>
    ValueTask EraseAsync(string conversationId, string? closedBy, CancellationToken cancellationToken);
}
