using System.Text.Json;
using RecipeBot.Channels.Telegram.Receiving;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

/// <summary>Updates as the webhook and the inbox read them: with Telegram.Bot's options, leniently, never with a surprise exception.</summary>
public sealed class TelegramUpdateJsonTests
{
    [Fact]
    public void AnUnknownUpdateKind_IsReadWithItsIdAndNothingTheBotHandles()
    {
        const string body = """{"update_id": 9, "message_reaction_v2": {"chat": {"id": 1, "type": "private"}, "message_id": 3}}""";

        var update = TelegramUpdateJson.Parse(body)!;

        Assert.Equal(9, update.Id);
        Assert.Equal((null, null, null), (update.Message, update.CallbackQuery, update.MyChatMember));
    }

    [Fact]
    public void SixtyFourBitChatAndUserIds_AreKept_AndUnknownFieldsIgnored()
    {
        const string body = """
            {"update_id": 2147483647, "message": {"message_id": 5, "date": 1700000000, "some_future_field": {"x": [1]},
             "chat": {"id": -1001234567890, "type": "supergroup", "title": "Helpers", "is_forum": false},
             "from": {"id": 7000000001, "is_bot": false, "first_name": "Ann", "is_premium": true},
             "migrate_from_chat_id": -4567, "text": "hi"}}
            """;

        var message = TelegramUpdateJson.Parse(body)!.Message!;

        Assert.Equal((-1001234567890, ChatType.Supergroup, "Helpers"), (message.Chat.Id, message.Chat.Type, message.Chat.Title));
        Assert.Equal(7000000001, message.From!.Id);
        Assert.Equal(-4567, message.MigrateFromChatId);
    }

    [Fact]
    public void AMessageWithoutChatOrSender_IsRead_WithThemMissing()
    {
        var message = TelegramUpdateJson.Parse("""{"update_id": 1, "message": {"message_id": 5, "date": 0, "text": "hi"}}""")!.Message!;

        Assert.Null(message.Chat);
        Assert.Null(message.From);
    }

    [Theory]
    [InlineData("""{"update_id": 1, "message": {"message_id": 5, "date": 1000000000000000, "chat": {"id": 1, "type": "private"}}}""")]
    [InlineData("""{"update_id": 1, "my_chat_member": {"chat": {"id": 1, "type": "private"}, "new_chat_member": {"status": "promoted"}}}""")]
    [InlineData("""{"update_id": 4294967296}""")]
    [InlineData("""{"update_id": 1, "message": []}""")]
    [InlineData("""{not json""")]
    public void WhatTelegramBotCannotRead_IsAJsonException(string body)
    {
        Assert.Throws<JsonException>(() => TelegramUpdateJson.Parse(body));
    }

    [Fact]
    public void AnElementOfAGetUpdatesAnswer_IsReadLikeABody()
    {
        using var answer = JsonDocument.Parse("""[{"update_id": 3, "callback_query": {"id": "q", "from": {"id": 7, "first_name": "Ann"}, "data": "en"}}]""");

        var update = TelegramUpdateJson.Parse(answer.RootElement[0])!;

        Assert.Equal(("q", "en", 7L), (update.CallbackQuery!.Id, update.CallbackQuery.Data, update.CallbackQuery.From.Id));
    }
}
