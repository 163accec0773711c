using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecipeBot.Channels.Teams.Schema;

/// <summary>The Bot Framework's JSON: camelCase, nulls left out.</summary>
public static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
