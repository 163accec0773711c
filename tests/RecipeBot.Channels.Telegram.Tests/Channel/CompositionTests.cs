using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Telegram.Permissions;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>What the composed bot offers the rest of the app for Telegram: a channel sender and group admin checks.</summary>
public sealed class CompositionTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-telegram-").FullName;
    private FakeBotApiServer _telegram = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        _bot = await BotHost.StartAsync(_telegram, Path.Combine(_directory, "bot.db"));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _telegram.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheTelegramChannelSender_IsRegistered_AndReachesTheChatThroughTheQueue()
    {
        var senders = new ChannelSenders(_bot.Services.GetServices<IChannelSender>());
        var reminder = new OutgoingMessage("telegram:61", "The working group meets tomorrow at 18:00.", [], [], "meeting", "en");

        var outcome = await senders.SendAsync(reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var sent = Assert.Single(_telegram.RequestsFor("sendMessage"), request => request.Int64Parameter("chat_id") == 61);
        Assert.Equal("The working group meets tomorrow at 18:00.", sent.Parameter("text"));
    }

    [Fact]
    public void ChatPermissions_AreTelegrams()
    {
        var permissions = _bot.Services.GetRequiredService<IChatPermissions>();

        Assert.Same(_bot.Services.GetRequiredService<TelegramChatPermissions>(), permissions);
    }

    [Fact]
    public void UpdatesReadWhenStored_AreKeptForTheirTurn_NoMoreThanTheBound()
    {
        var processor = _bot.Services.GetRequiredService<RecipeBot.Channels.Telegram.Receiving.TelegramInboxProcessor>();
        // Ids far past any stored row: the dispatcher wakes, finds nothing there, and leaves them to this test.
        const int first = 2_000_000_000;
        var updates = Enumerable.Range(0, RecipeBot.Channels.Telegram.Receiving.TelegramInboxProcessor.MaxRemembered)
            .Select(i => new global::Telegram.Bot.Types.Update { Id = first + i })
            .ToList();
        processor.Signal(updates);
        var later = new global::Telegram.Bot.Types.Update { Id = first + updates.Count };

        Assert.Same(updates[7], processor.Remembered(updates[7].Id));
        Assert.Null(processor.Remembered(updates[7].Id));

        // One more than the bound: the memory is emptied and holds the newest only.
        processor.Signal([later, new global::Telegram.Bot.Types.Update { Id = later.Id + 1 }]);
        Assert.Null(processor.Remembered(updates[8].Id));
        Assert.Same(later, processor.Remembered(later.Id));
    }
}
