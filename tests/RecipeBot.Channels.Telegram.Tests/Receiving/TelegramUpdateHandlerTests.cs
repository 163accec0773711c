using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Receiving;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

public sealed class TelegramUpdateHandlerTests
{
    [Theory]
    [InlineData("private", false)]
    [InlineData("group", true)]
    [InlineData("supergroup", true)]
    [InlineData("channel", true)]
    public void WhatTheEngineHears_MarksGroupsSupergroupsAndChannels(string chatType, bool isGroup)
    {
        var chat = new TelegramChat(chatType == "private" ? 42 : -1_001_234_567_890, chatType);
        var from = new TelegramUser(7, false, "Anna") { LanguageCode = "et" };

        var incoming = TelegramUpdateHandler.Incoming(chat, 1001, "/start", from);

        Assert.Equal(isGroup, incoming.IsGroup);
        Assert.Equal(TelegramUpdateHandler.ConversationId(chat.Id), incoming.ConversationId);
        Assert.Equal(("/start", "7", "et", "1001"), (incoming.Text, incoming.UserId, incoming.LanguageHint, incoming.DeliveryId));
    }
}
