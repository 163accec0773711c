using System.Text.Json;
using System.Text.Json.Nodes;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Core.Privacy;

/// <summary>How the stores write what they keep into an export, the same for SQLite and memory.</summary>
public static class PersonalDataJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static JsonObject Conversation(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new JsonObject
        {
            ["id"] = conversation.Id,
            ["language"] = conversation.Language,
            ["role"] = conversation.Role,
            ["phase"] = conversation.Phase,
            ["state"] = conversation.State,
            ["history"] = Array(conversation.History),
            ["situationsSeen"] = Array(conversation.SituationsSeen),
            ["recipesGiven"] = Array(conversation.RecipesGiven),
            ["deliveries"] = Array(conversation.Deliveries),
            ["clarification"] = Array(conversation.Clarification),
            ["offered"] = Array(conversation.Offered),
            ["misses"] = conversation.Misses,
            ["turns"] = conversation.Turns,
            ["failures"] = conversation.Failures,
            ["timeZone"] = conversation.TimeZone,
            ["scheduleDraft"] = conversation.Draft is { } draft ? JsonNode.Parse(draft.ToJson()) : null,
            ["createdAt"] = conversation.CreatedAt,
            ["updatedAt"] = conversation.UpdatedAt,
        };
    }

    /// <summary>A message waiting in the outbox, as it is stored there.</summary>
    public static JsonNode Message(OutgoingMessage message) => JsonNode.Parse(OutboxJson.Serialize(message))!;

    public static JsonNode Meeting(Meeting meeting) => JsonSerializer.SerializeToNode(meeting, Json)!;

    public static JsonNode NextStep(NextStep step) => JsonSerializer.SerializeToNode(step, Json)!;

    public static JsonNode Ledger(LedgerEntry entry) => JsonSerializer.SerializeToNode(entry, Json)!;

    /// <summary>Any record of a store, written the way the others are (camelCase, enums in kebab case).</summary>
    public static JsonNode Record<T>(T value) => JsonSerializer.SerializeToNode(value, Json)!;

    /// <summary>A stored raw payload (an inbound update): as JSON when it is JSON, as text otherwise.</summary>
    public static JsonNode? Payload(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(payload);
        }
    }

    public static JsonArray Array(IEnumerable<string> items) => [.. items.Select(item => (JsonNode)JsonValue.Create(item))];

    public static JsonArray Array(IEnumerable<JsonNode> items) => [.. items];
}
