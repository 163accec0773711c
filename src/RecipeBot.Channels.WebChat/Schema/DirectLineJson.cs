using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecipeBot.Channels.WebChat.Schema;

/// <summary>Direct Line's JSON: camelCase, absent values left out.</summary>
public static class DirectLineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A body nests no deeper than an activity does; a deeper one is refused as malformed.
        MaxDepth = 32,
    };
}
