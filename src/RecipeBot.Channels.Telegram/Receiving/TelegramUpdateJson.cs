using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Reads an update as Telegram wrote it (a webhook body, an inbox row) with Telegram.Bot's own
/// <see cref="JsonBotAPI.Options"/>: fields the bot does not know or does not get are no error.
/// </summary>
public static class TelegramUpdateJson
{
    /// <summary>The update, or null for the JSON literal <c>null</c>.</summary>
    /// <exception cref="JsonException">
    /// The text is not an update this bot can read. Telegram.Bot's converters report some bad values otherwise
    /// (a date past the year 9999 as an <see cref="ArgumentOutOfRangeException"/>); those come as a
    /// <see cref="JsonException"/> too, so that one odd update is skipped rather than retried forever.
    /// </exception>
    public static Update? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options);
        }
        catch (Exception e) when (e is not JsonException)
        {
            throw new JsonException($"Not a readable Telegram update: {e.Message}", e);
        }
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static Update? Parse(JsonElement json)
    {
        try
        {
            return json.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (Exception e) when (e is not JsonException)
        {
            throw new JsonException($"Not a readable Telegram update: {e.Message}", e);
        }
    }
}
