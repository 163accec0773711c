using System.Text;
using System.Text.Json;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.WebChat.Sending;

/// <summary>
/// The web chat's view of <see cref="ITranscriptStore"/>: activities appended (and the conversation's streams woken)
/// and read back as Direct Line's <c>ActivitySet</c> — <c>{"activities": […], "watermark": "N"}</c> — from the
/// stored JSON as it is.
/// </summary>
public sealed class WebChatTranscript(ITranscriptStore store, WebChatActivitySignal signal, WebChatOptions options)
{
    /// <param name="conversationId">The conversation key, <c>webchat:{id}</c>.</param>
    public async Task<long> AppendAsync(string conversationId, DirectLineActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var json = JsonSerializer.Serialize(activity, DirectLineJson.Options);
        var watermark = await store.AppendAsync(conversationId, activity.Id!, json, cancellationToken).ConfigureAwait(false);
        signal.Notify(conversationId);
        return watermark;
    }

    /// <summary>One page after <paramref name="afterWatermark"/>: the JSON of the ActivitySet and the watermark it ends at.</summary>
    public async Task<(string Json, long Watermark, int Count)> ReadAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken)
    {
        var entries = await store.ReadAsync(conversationId, afterWatermark, options.PageSize, cancellationToken).ConfigureAwait(false);
        var watermark = entries.Count > 0 ? entries[^1].Watermark : afterWatermark;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var entry in entries)
            {
                writer.WriteRawValue(entry.Activity, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("watermark", watermark.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), watermark, entries.Count);
    }
}
