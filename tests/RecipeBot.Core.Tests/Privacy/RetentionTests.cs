using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Privacy;
using RecipeBot.Core.Tests.Outbox;

namespace RecipeBot.Core.Tests.Privacy;

/// <summary>The retention pass on a fake clock: inactive conversations go after their period, web visitors' sooner.</summary>
public sealed class RetentionTests
{
    private readonly EngineHarness _bot = new();

    private RetentionSweeper Sweeper(PrivacyOptions? options = null) => new(
        _bot.Store,
        _bot.Turns,
        _bot.Data,
        new RetentionPolicy(options ?? new PrivacyOptions()),
        new ChannelSenders([new RecordingChannel("test:"), new RecordingChannel("webchat:")]),
        _bot.Time,
        NullLogger<RetentionSweeper>.Instance);

    private async Task TalkAsync(string chat) => await _bot.SayAsync("/start", chat: chat, lang: "en");

    private async Task<bool> KeptAsync(string chat) => await _bot.Store.LoadAsync(chat, CancellationToken.None) is not null;

    [Fact]
    public async Task AConversation_IsDeletedOnceInactiveForTheRetentionPeriod_NotADayEarlier()
    {
        await TalkAsync("test:old");
        await _bot.Meetings.Store.SaveAsync(PrivacyText.Meeting("test:old", "user-1", "Old group"), CancellationToken.None);
        _bot.Time.Advance(TimeSpan.FromDays(2));
        await TalkAsync("test:recent");

        // "test:old" has been quiet for 364 days.
        _bot.Time.Advance(TimeSpan.FromDays(362));
        Assert.Equal(0, await Sweeper().SweepAsync(CancellationToken.None));
        Assert.True(await KeptAsync("test:old"));

        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Sweeper().SweepAsync(CancellationToken.None));

        Assert.False(await KeptAsync("test:old"));
        Assert.Empty(await _bot.Meetings.Store.ListAllAsync("test:old", CancellationToken.None));
        Assert.True(await KeptAsync("test:recent"));
    }

    [Fact]
    public async Task AnAnonymousWebVisitor_IsDeletedAfterTheWebPeriod()
    {
        await TalkAsync("webchat:visitor-1");
        await TalkAsync("test:resident");

        _bot.Time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await Sweeper().SweepAsync(CancellationToken.None));
        _bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Sweeper().SweepAsync(CancellationToken.None));

        Assert.False(await KeptAsync("webchat:visitor-1"));
        Assert.True(await KeptAsync("test:resident"));
    }

    [Fact]
    public async Task ThePeriods_AreTheConfiguredOnes()
    {
        await TalkAsync("webchat:visitor-1");
        await TalkAsync("test:resident");

        _bot.Time.Advance(TimeSpan.FromDays(8));
        var erased = await Sweeper(new PrivacyOptions { RetentionDays = 8, WebRetentionDays = 7 }).SweepAsync(CancellationToken.None);

        Assert.Equal(1, erased);
        Assert.False(await KeptAsync("webchat:visitor-1"));
        Assert.True(await KeptAsync("test:resident"));
    }

    [Fact]
    public async Task AConversationWrittenToAgain_IsKept()
    {
        await TalkAsync("test:back");
        _bot.Time.Advance(TimeSpan.FromDays(300));
        await _bot.SayAsync("/help", chat: "test:back");
        _bot.Time.Advance(TimeSpan.FromDays(100));

        Assert.Equal(0, await Sweeper().SweepAsync(CancellationToken.None));
        Assert.True(await KeptAsync("test:back"));
    }

    [Fact]
    public async Task ConversationsOfChannelsThisProcessDoesNotServe_AreLeftToTheirProcess()
    {
        await TalkAsync("other:1");
        _bot.Time.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await Sweeper().SweepAsync(CancellationToken.None));
        Assert.True(await KeptAsync("other:1"));
    }

    [Fact]
    public async Task ManyInactiveConversations_AreAllDeletedInOnePass()
    {
        for (var i = 0; i < 1_200; i++)
        {
            await _bot.Store.SaveAsync(new Conversation($"test:{i}", "en", "language", _bot.Time.GetUtcNow()), [], CancellationToken.None);
            await _bot.Store.SaveAsync(new Conversation($"other:{i}", "en", "language", _bot.Time.GetUtcNow()), [], CancellationToken.None);
        }

        _bot.Time.Advance(TimeSpan.FromDays(366));

        Assert.Equal(1_200, await Sweeper().SweepAsync(CancellationToken.None));
        Assert.Equal(1_200, ((InMemoryConversationStore)_bot.Store).Count);
    }
}
