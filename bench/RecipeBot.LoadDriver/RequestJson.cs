using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace RecipeBot.LoadDriver;

/// <summary>Reads just the few fields the fake needs from a Bot API request body, token by token.</summary>
public static class RequestJson
{
    /// <summary>sendMessage: the chat and the callback data of every button.</summary>
    public static long SendMessage(ReadOnlySequence<byte> body, List<string> keyboard)
    {
        var reader = new Utf8JsonReader(body);
        long chatId = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == 1 && reader.ValueTextEquals("chat_id"u8))
            {
                reader.Read();
                chatId = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("callback_data"u8))
            {
                reader.Read();
                keyboard.Add(reader.GetString()!);
            }
        }

        return chatId;
    }

    /// <summary>sendMessage: the chat and the text.</summary>
    public static (long ChatId, string Text) SendMessageText(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        long chatId = 0;
        var text = string.Empty;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("chat_id"u8))
            {
                reader.Read();
                chatId = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = reader.GetString() ?? string.Empty;
            }
        }

        return (chatId, text);
    }

    /// <summary>getUpdates: offset, limit (Telegram's default and maximum: 100) and the long-poll timeout.</summary>
    public static (long? Offset, int Limit, int TimeoutSeconds) GetUpdates(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        long? offset = null;
        var limit = 100;
        var timeout = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("offset"u8))
            {
                reader.Read();
                offset = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
            }
            else if (reader.ValueTextEquals("limit"u8))
            {
                reader.Read();
                limit = Math.Clamp(reader.GetInt32(), 1, 100);
            }
            else if (reader.ValueTextEquals("timeout"u8))
            {
                reader.Read();
                timeout = reader.GetInt32();
            }
        }

        return (offset, limit, timeout);
    }

    /// <summary>answerCallbackQuery: the chat and update, from the query id the driver made up (<c>chatId:updateId</c>).</summary>
    public static (long ChatId, long UpdateId) CallbackQuery(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("callback_query_id"u8))
            {
                reader.Read();
                var id = reader.GetString()!;
                var colon = id.IndexOf(':', StringComparison.Ordinal);
                return colon > 0
                    && long.TryParse(id.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)
                    && long.TryParse(id.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var updateId)
                        ? (chatId, updateId)
                        : (0, 0);
            }
        }

        return (0, 0);
    }
}
