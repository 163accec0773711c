using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Teams.Sending;
using RecipeBot.Channels.Teams.Tests.Fakes;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>Proactive messages (reminders) from the stored conversation reference, across a restart.</summary>
public sealed class ProactiveTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static OutgoingMessage Reminder(string conversationId) =>
        new(conversationId, "The working group meets tomorrow at 10:00.", [new ChoiceView("back", "Back")], [], "contact", "en");

    [Fact]
    public async Task AfterARestart_AProactiveMessageReachesTheConversation_FromTheStoredReference()
    {
        const string conversation = "19:coordination@thread.tacv2";
        await _bed.ExchangeAsync(Activities.BotAdded(_bed.ServiceUrl, conversation, conversationType: "channel"));
        await _bed.StopBotAsync();
        var before = _bed.Connector.Received.Count;

        await _bed.StartBotAsync();
        var sent = await _bed.Bot.Services.GetRequiredService<ITeamsProactiveSender>()
            .SendAsync("teams:" + conversation, Reminder("teams:" + conversation), CancellationToken.None);

        Assert.True(sent);
        var reminder = Assert.Single(_bed.Connector.Received.Skip(before));
        Assert.Equal(conversation, reminder.ConversationId);
        Assert.Equal("The working group meets tomorrow at 10:00.", reminder.Text);
        Assert.Null(reminder.ReplyToId);
        Assert.StartsWith("Bearer ", reminder.Authorization, StringComparison.Ordinal);
        Assert.Equal(Activities.BotId, reminder.Activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("back", reminder.Button("back").GetProperty("text").GetString());
        var reference = await _bed.Bot.References.FindAsync("teams:" + conversation, CancellationToken.None);
        Assert.Equal(Activities.TenantId, reference!.TenantId);
        Assert.Equal("channel", reference.ConversationType);
    }

    [Fact]
    public async Task AProactiveMessageToAConversationTheBotNeverSaw_IsNotSent()
    {
        var sent = await _bed.Bot.Services.GetRequiredService<ITeamsProactiveSender>()
            .SendAsync("teams:a:never-seen", Reminder("teams:a:never-seen"), CancellationToken.None);

        Assert.False(sent);
        Assert.Empty(_bed.Connector.Received);
    }
}
