namespace RecipeBot.Core.Channels;

/// <summary>
/// A conversation's activities as its client fetches them (web chat): the visitor's own messages and the bot's
/// replies, each with a watermark that grows by one per conversation. A client asks for what came after the last
/// watermark it saw, so nothing is lost between polls or reconnects.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>
    /// Appends <paramref name="activity"/> (JSON) unless the conversation already has <paramref name="activityId"/>;
    /// returns its watermark either way.
    /// </summary>
    ValueTask<long> AppendAsync(string conversationId, string activityId, string activity, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="max"/> activities after watermark <paramref name="afterWatermark"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken);
}

/// <summary>One stored activity: its watermark in the conversation, its id and its JSON.</summary>
public sealed record TranscriptEntry(long Watermark, string ActivityId, string Activity);
