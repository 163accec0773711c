using RecipeBot.Channels.Telegram.Receiving;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

public sealed class TelegramUpdateHandlerTests
{
    [Theory]
    [InlineData(ChatType.Private, false)]
    [InlineData(ChatType.Group, true)]
    [InlineData(ChatType.Supergroup, true)]
    [InlineData(ChatType.Channel, true)]
    public void WhatTheEngineHears_MarksGroupsSupergroupsAndChannels(ChatType chatType, bool isGroup)
    {
        var chat = new Chat { Id = chatType == ChatType.Private ? 42 : -1_001_234_567_890, Type = chatType };
        var from = new User { Id = 7, FirstName = "Anna", LanguageCode = "et" };

        var incoming = TelegramUpdateHandler.Incoming(chat, 1001, "/start", from);

        Assert.Equal(isGroup, incoming.IsGroup);
        Assert.Equal(TelegramUpdateHandler.ConversationId(chat.Id), incoming.ConversationId);
        Assert.Equal(("/start", "7", "et", "1001"), (incoming.Text, incoming.UserId, incoming.LanguageHint, incoming.DeliveryId));
    }
}
