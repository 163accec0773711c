using System.Globalization;
using System.Text.Json;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>One request that reached <see cref="FakeBotApiServer"/> with the right token.</summary>
/// <param name="Method">The Bot API method as the client spelled it, e.g. "sendMessage".</param>
/// <param name="ContentType">The Content-Type header, or "" when there was none.</param>
/// <param name="Body">The raw body as UTF-8 text ("" when empty; lossy for binary multipart parts).</param>
/// <param name="Json">The parsed body when it was JSON.</param>
/// <param name="Form">Query-string and form fields (file parts are in <see cref="Files"/>).</param>
/// <param name="At">When the request arrived.</param>
public sealed record RecordedRequest(
    string Method,
    string ContentType,
    string Body,
    JsonElement? Json,
    IReadOnlyDictionary<string, string> Form,
    DateTimeOffset At)
{
    /// <summary>File parts of a multipart request, by field name.</summary>
    public IReadOnlyDictionary<string, RecordedFile> Files { get; init; } = new Dictionary<string, RecordedFile>();

    /// <summary>The Content-Length header; null when the body came without one (in chunks).</summary>
    public long? ContentLength { get; init; }

    /// <summary>
    /// The file sent for <paramref name="parameter"/>: its own part, or the part an <c>attach://&lt;name&gt;</c> value
    /// names, as Telegram accepts both (Telegram.Bot sends the latter).
    /// </summary>
    public RecordedFile? FileFor(string parameter)
    {
        if (Files.TryGetValue(parameter, out var file))
        {
            return file;
        }

        const string Attach = "attach://";
        return Parameter(parameter) is { } value && value.StartsWith(Attach, StringComparison.Ordinal)
            && Files.TryGetValue(value[Attach.Length..], out var attached)
            ? attached
            : null;
    }

    /// <summary>
    /// A parameter however it was sent: from the JSON body (strings unquoted, anything else as raw JSON)
    /// or from the form or query string, as Telegram accepts both.
    /// </summary>
    public string? Parameter(string name)
    {
        if (Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value))
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
        }

        return Form.TryGetValue(name, out var field) ? field : null;
    }

    /// <summary>
    /// A parameter as JSON. Form fields that hold JSON (Telegram's convention for arrays and objects such as
    /// reply_markup) are parsed; any other form field becomes a JSON string.
    /// </summary>
    public JsonElement? ParameterJson(string name)
    {
        if (Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value))
        {
            return value;
        }

        if (!Form.TryGetValue(name, out var field))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(field);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(field);
        }
    }

    /// <summary>A numeric parameter, or null when absent; throws <see cref="FormatException"/> when not a number.</summary>
    public long? Int64Parameter(string name) =>
        Parameter(name) is { } text ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    /// <summary>A boolean parameter ("true"/"false" in either transport), or null when absent.</summary>
    public bool? BooleanParameter(string name) =>
        Parameter(name) is { } text ? bool.Parse(text) : null;
}
