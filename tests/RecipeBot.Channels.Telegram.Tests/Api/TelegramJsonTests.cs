using System.Text.Json;
using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Tests.Api;

/// <summary>The options webhook code shares with the client to read updates.</summary>
public sealed class TelegramJsonTests
{
    [Fact]
    public void UnknownUpdateKind_DeserializesWithEveryPayloadNull()
    {
        const string body = """{"update_id": 9, "message_reaction": {"chat": {"id": 1, "type": "private"}, "message_id": 3, "date": 1, "new_reaction": []}}""";

        var update = JsonSerializer.Deserialize<TelegramUpdate>(body, TelegramJson.Options);

        Assert.Equal(new TelegramUpdate(9), update);
    }

    [Fact]
    public void WebhookBody_KeepsSixtyFourBitIdsAndIgnoresUnknownFields()
    {
        const string body = """
            {"update_id": 2147483648, "message": {"message_id": 5, "date": 1700000000, "is_topic_message": false,
             "chat": {"id": -1001234567890, "type": "supergroup", "title": "Helpers", "is_forum": false},
             "from": {"id": 7000000001, "is_bot": false, "first_name": "Ann", "is_premium": true},
             "migrate_from_chat_id": -4567, "text": "hi"}}
            """;

        var message = JsonSerializer.Deserialize<TelegramUpdate>(body, TelegramJson.Options)!.Message!;

        Assert.Equal(-1001234567890, message.Chat.Id);
        Assert.Equal("Helpers", message.Chat.Title);
        Assert.Equal(7000000001, message.From!.Id);
        Assert.Equal(-4567, message.MigrateFromChatId);
    }

    [Fact]
    public void MessageWithoutChat_IsAJsonException_NotAMessageWithANullChat()
    {
        const string body = """{"update_id": 1, "message": {"message_id": 5, "date": 0}}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TelegramUpdate>(body, TelegramJson.Options));
    }

    [Fact]
    public void Writing_UsesSnakeCaseAndLeavesNullsOut()
    {
        var user = new TelegramUser(1, false, "Ann") { LanguageCode = "et" };

        var json = JsonSerializer.Serialize(user, TelegramJson.Options);

        Assert.Equal("""{"id":1,"is_bot":false,"first_name":"Ann","language_code":"et"}""", json);
    }

    [Fact]
    public void Options_CannotBeChangedByOneCallerForEveryone()
    {
        Assert.Throws<InvalidOperationException>(() => TelegramJson.Options.PropertyNameCaseInsensitive = true);
    }
}
