using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Teams.Tests.Units;

public sealed class TeamsActivityHandlerTests
{
    [Theory]
    [InlineData("personal", false)]
    [InlineData(null, false)]
    [InlineData("groupChat", true)]
    [InlineData("channel", true)]
    public void WhatTheEngineHears_MarksGroupChatsAndChannels(string? conversationType, bool isGroup)
    {
        var activity = new TeamsActivity
        {
            Id = "activity-1",
            Locale = "et-EE",
            From = new ChannelAccount("29:anna", "Anna"),
            Conversation = new ConversationAccount("c-1") { ConversationType = conversationType },
        };
        var reference = new ConversationReference("teams:c-1", "msteams", "https://smba.trafficmanager.net/emea/", "c-1", ConversationType: conversationType);

        var incoming = TeamsActivityHandler.Incoming(activity, reference, "/start");

        Assert.Equal(isGroup, incoming.IsGroup);
        Assert.Equal(("teams:c-1", "/start", "29:anna", "et-EE", "activity-1"), (incoming.ConversationId, incoming.Text, incoming.UserId, incoming.LanguageHint, incoming.DeliveryId));
    }
}
