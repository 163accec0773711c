using System.Text.Json.Nodes;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>
/// Builders for update JSON (without update_id) to pass to <see cref="FakeBotApiServer.EnqueueUpdate"/>,
/// shaped like what Telegram sends, so tests need not spell out nested objects.
/// </summary>
public static class FakeUpdates
{
    public const long DefaultUserId = 4242;

    /// <summary>A text message; a leading "/command" gets its bot_command entity as Telegram adds it.</summary>
    public static string TextMessage(long chatId, string text, long fromId = DefaultUserId, string? languageCode = "en", long messageId = 1) =>
        new JsonObject { ["message"] = Message(chatId, text, fromId, languageCode, messageId) }.ToJsonString();

    /// <summary>A press on an inline button of the bot's message <paramref name="messageId"/>.</summary>
    public static string CallbackQuery(long chatId, long messageId, string data, long fromId = DefaultUserId, string? languageCode = "en", string? id = null) =>
        new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = id ?? $"cbq-{chatId}-{messageId}-{data}",
                ["from"] = User(fromId, languageCode),
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["from"] = FakeBotBehaviour.BotUser(),
                    ["chat"] = Chat(chatId),
                    ["date"] = 1_700_000_000,
                    ["text"] = "…",
                },
                ["chat_instance"] = $"instance-{chatId}",
                ["data"] = data,
            },
        }.ToJsonString();

    /// <summary>The bot's own membership changed, e.g. to "kicked" when a user blocks it.</summary>
    public static string MyChatMember(long chatId, string newStatus, string oldStatus = "member", long fromId = DefaultUserId) =>
        new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = Chat(chatId),
                ["from"] = User(fromId, "en"),
                ["date"] = 1_700_000_000,
                ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = FakeBotBehaviour.BotUser() },
                ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = FakeBotBehaviour.BotUser() },
            },
        }.ToJsonString();

    /// <summary>A chat object; the type follows the id as Telegram's ids do (positive: private, -100…: supergroup).</summary>
    public static JsonObject Chat(long chatId)
    {
        var type = chatId switch
        {
            > 0 => "private",
            <= -1_000_000_000_000 => "supergroup",
            _ => "group",
        };
        var chat = new JsonObject { ["id"] = chatId, ["type"] = type };
        if (type == "private")
        {
            chat["first_name"] = "Tester";
        }
        else
        {
            chat["title"] = $"Test {type}";
        }

        return chat;
    }

    private static JsonObject Message(long chatId, string text, long fromId, string? languageCode, long messageId)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = User(fromId, languageCode),
            ["chat"] = Chat(chatId),
            ["date"] = 1_700_000_000,
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return message;
    }

    private static JsonObject User(long id, string? languageCode)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Tester", ["username"] = $"tester{id}" };
        if (languageCode is not null)
        {
            user["language_code"] = languageCode;
        }

        return user;
    }
}
