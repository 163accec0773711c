using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Outbox;

/// <summary>How an <see cref="OutgoingMessage"/> is stored in an outbox row (source-generated, so a turn pays little for it).</summary>
public static class OutboxJson
{
    public static string Serialize(OutgoingMessage message) => JsonSerializer.Serialize(message, OutboxJsonContext.Default.OutgoingMessage);

    public static OutgoingMessage Deserialize(string json) =>
        JsonSerializer.Deserialize(json, OutboxJsonContext.Default.OutgoingMessage)
        ?? throw new JsonException("An outbox row holds no message.");
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(OutgoingMessage))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
