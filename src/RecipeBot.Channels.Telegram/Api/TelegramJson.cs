using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// The one set of JSON options for everything that talks to the Bot API: the client, and the webhook
/// endpoint that deserializes <see cref="TelegramUpdate"/> bodies, so both read updates identically.
/// </summary>
/// <remarks>
/// Nullable annotations and constructor parameters are respected, so a non-nullable DTO member is never
/// silently null: an object that lacks a field Telegram always sends fails with a <see cref="JsonException"/>.
/// Unknown fields are ignored, so new Bot API fields and update kinds never break reading.
/// </remarks>
public static class TelegramJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Estonian and Russian text as it is, not as \uXXXX escapes: requests shrink by more than half.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        // Shared by every caller: freeze it so nobody can change how everybody else reads updates.
        options.MakeReadOnly();
        return options;
    }
}
