using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecipeBot.Core.Plans;

/// <summary>
/// A working group's action plan: the commitments of the conversation it was made in (one plan per conversation).
/// Stored as JSON (<see cref="ToJson"/>), so a new field needs no migration.
/// </summary>
public sealed class Plan
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public required string ConversationId { get; init; }

    /// <summary>The channel's user id of whoever started the plan; the coordinator in a group. Null in the terminal.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>The language check-ins are written in: the conversation's when the plan last changed.</summary>
    public string Language { get; set; } = "et";

    /// <summary>The IANA zone milestone dates are read in; check-ins come at 10:00 there.</summary>
    public string TimeZone { get; set; } = Scheduling.MeetingSchedule.DefaultTimeZone;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<Commitment> Commitments { get; init; } = [];

    public Commitment? Find(string commitmentId) => Commitments.FirstOrDefault(c => c.Id == commitmentId);

    /// <summary>The same plan under another conversation id (a Telegram group that became a supergroup).</summary>
    public Plan MovedTo(string conversationId)
    {
        var node = JsonNode.Parse(ToJson())!;
        node["conversationId"] = conversationId;
        return FromJson(node.ToJsonString());
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Plan FromJson(string json) =>
        JsonSerializer.Deserialize<Plan>(json, Json) ?? throw new JsonException("A stored plan is empty.");
}
