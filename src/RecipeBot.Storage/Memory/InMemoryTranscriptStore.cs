using System.Text.Json.Nodes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Storage.Memory;

/// <summary>Web chat transcripts in memory, for <c>Storage:Provider = memory</c> and tests; nothing survives a restart.</summary>
public sealed class InMemoryTranscriptStore : ITranscriptStore, IPersonalDataSource
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<TranscriptEntry>> _conversations = new(StringComparer.Ordinal);

    public ValueTask<long> AppendAsync(string conversationId, string activityId, string activity, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_conversations.TryGetValue(conversationId, out var entries))
            {
                _conversations[conversationId] = entries = [];
            }

            if (entries.Find(e => e.ActivityId == activityId) is { } existing)
            {
                return ValueTask.FromResult(existing.Watermark);
            }

            var entry = new TranscriptEntry(entries.Count + 1, activityId, activity);
            entries.Add(entry);
            return ValueTask.FromResult(entry.Watermark);
        }
    }

    public ValueTask<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterWatermark, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<TranscriptEntry> page = _conversations.TryGetValue(conversationId, out var entries)
                ? [.. entries.Where(e => e.Watermark > afterWatermark).Take(max)]
                : [];
            return ValueTask.FromResult(page);
        }
    }

    public ValueTask ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        lock (_lock)
        {
            if (_conversations.TryGetValue(subject.ConversationId, out var entries) && entries.Count > 0)
            {
                export["webChatTranscript"] = new JsonArray([.. entries.Select(e => JsonNode.Parse(e.Activity))]);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.WholeConversation)
        {
            lock (_lock)
            {
                _conversations.Remove(subject.ConversationId);
            }
        }

        return ValueTask.CompletedTask;
    }
}
