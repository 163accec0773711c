using RecipeBot.Channels.Telegram.Sending;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

public sealed class TelegramSenderLimitTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task MessagesToOneChat_AreSentAtLeastOneIntervalApart_AndNoSlowerThanNeeded()
    {
        // Arrange
        await using var harness = new SenderHarness();
        for (var i = 0; i < 5; i++)
        {
            await harness.EnqueueAsync(7, $"message {i}");
        }

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var times = harness.Api.Delivered.Select(request => request.At).ToList();
        Assert.Equal(5, times.Count);
        Assert.Equal(SenderHarness.Start, times[0]);
        foreach (var (earlier, later) in times.Zip(times.Skip(1)))
        {
            Assert.InRange(later - earlier, harness.Limits.PerChatInterval, harness.Limits.PerChatInterval + Slack);
        }
    }

    [Fact]
    public async Task MessagesToOneGroup_NeverExceedTwentyInAnyMinute_AndNoSlowerThanNeeded()
    {
        // Arrange
        await using var harness = new SenderHarness();
        for (var i = 0; i < 45; i++)
        {
            await harness.EnqueueAsync(-42, $"message {i}", isGroup: true);
        }

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync(TimeSpan.FromMilliseconds(100));

        // Assert
        var times = harness.Api.Delivered.Select(request => request.At).ToList();
        Assert.Equal(45, times.Count);
        var perMinute = harness.Limits.GroupMessagesPerMinute;
        for (var i = perMinute; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - perMinute] >= TimeSpan.FromMinutes(1), $"Messages {i - perMinute} and {i} were less than a minute apart.");
        }

        Assert.InRange(times[perMinute] - times[0], TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1) + Slack);
    }

    [Fact]
    public async Task HundredChats_NeverExceedThirtyInAnySecond_AndReachAtLeast28PerSecond()
    {
        // Arrange
        await using var harness = new SenderHarness();
        for (var round = 0; round < 6; round++)
        {
            for (var chat = 1; chat <= 100; chat++)
            {
                await harness.EnqueueAsync(chat, $"round {round}");
            }
        }

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var times = harness.Api.Delivered.Select(request => request.At).Order().ToList();
        Assert.Equal(600, times.Count);
        var perSecond = harness.Limits.GlobalPerSecond;
        for (var i = perSecond; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - perSecond] >= TimeSpan.FromSeconds(1), $"Messages {i - perSecond} and {i} were less than a second apart.");
        }

        var sentInFirstTenSeconds = times.Count(time => time < SenderHarness.Start + TimeSpan.FromSeconds(10));
        Assert.True(sentInFirstTenSeconds >= 280, $"Only {sentInFirstTenSeconds} messages in the first 10 s.");
        foreach (var chat in harness.Api.Delivered.GroupBy(request => request.ChatId))
        {
            var chatTimes = chat.Select(request => request.At).ToList();
            Assert.All(chatTimes.Zip(chatTimes.Skip(1)), pair => Assert.True(pair.Second - pair.First >= harness.Limits.PerChatInterval));
        }
    }

    [Fact]
    public async Task DifferentChats_AreSentConcurrently_UpToMaxConcurrentRequests()
    {
        // Arrange
        await using var harness = new SenderHarness();
        for (var chat = 1; chat <= 40; chat++)
        {
            harness.Api.DelayNext(chat, TimeSpan.FromMilliseconds(500));
            await harness.EnqueueAsync(chat, "hello");
        }

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.Equal(40, harness.Api.Delivered.Count);
        Assert.Equal(harness.Limits.MaxConcurrentRequests, harness.Api.MaxInFlight);
    }

    [Fact]
    public async Task ChatsHeldOnlyByTheRequestSlots_AreCountedAsWaitingForOne()
    {
        // Arrange: two slots, five chats whose requests take a while, and a sixth chat held by its own interval.
        await using var harness = new SenderHarness(new TelegramSendLimits { MaxConcurrentRequests = 2 });
        await harness.EnqueueAsync(6, "first");
        await harness.StartAsync();
        await harness.RunUntilAsync(() => harness.Api.Delivered.Count == 1);
        await harness.EnqueueAsync(6, "second");
        for (var chat = 1; chat <= 5; chat++)
        {
            harness.Api.DelayNext(chat, TimeSpan.FromMilliseconds(300));
            await harness.EnqueueAsync(chat, "hello");
        }

        // Act
        await harness.SettleAsync();

        // Assert: chat 6 waits for Telegram's interval, not for a slot; three of the five wait for a slot.
        Assert.Equal(3, harness.Sender.WaitingForSlot);
        await harness.RunUntilIdleAsync();
        Assert.Equal(0, harness.Sender.WaitingForSlot);
    }

    private static readonly TimeSpan NoCap = TimeSpan.MaxValue;

    [Fact]
    public async Task TheSlotWait_IsForecastFromTheRequestsInFlight_AndTheUsualRoundTrip()
    {
        // Arrange: two slots; a first request answered after 100 ms gives the usual round trip.
        await using var harness = new SenderHarness(new TelegramSendLimits { MaxConcurrentRequests = 2, PerChatInterval = TimeSpan.Zero });
        Assert.Null(harness.Sender.TypicalRoundTrip);
        Assert.Equal(TimeSpan.Zero, harness.Sender.SlotWait(TimeSpan.Zero, alsoAhead: 5, count: 10, NoCap));
        harness.Api.DelayNext(1, TimeSpan.FromMilliseconds(100));
        await harness.EnqueueAsync(1, "first");
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();
        Assert.Equal(TimeSpan.FromMilliseconds(100), harness.Sender.TypicalRoundTrip);

        // Act: two requests go out and take both slots; 20 ms later they are 80 ms from coming back.
        harness.Api.DelayNext(2, TimeSpan.FromMilliseconds(100));
        harness.Api.DelayNext(3, TimeSpan.FromMilliseconds(100));
        await harness.EnqueueAsync(2, "second");
        await harness.EnqueueAsync(3, "third");
        await harness.SettleAsync();
        harness.Clock.Advance(TimeSpan.FromMilliseconds(20));
        await harness.SettleAsync();

        // Assert
        Assert.Equal(2, harness.Api.Requests.Count(request => request.ChatId is 2 or 3));
        Assert.Equal(TimeSpan.FromMilliseconds(50), harness.Sender.SlotWait(TimeSpan.FromMilliseconds(30), alsoAhead: 0, count: 1, NoCap));
        Assert.Equal(TimeSpan.FromMilliseconds(150), harness.Sender.SlotWait(TimeSpan.FromMilliseconds(30), alsoAhead: 2, count: 1, NoCap));
        await harness.RunUntilIdleAsync();
        Assert.Equal(TimeSpan.Zero, harness.Sender.SlotWait(TimeSpan.FromMilliseconds(30), alsoAhead: 0, count: 2, NoCap));
        Assert.Equal(TimeSpan.FromMilliseconds(70), harness.Sender.SlotWait(TimeSpan.FromMilliseconds(30), alsoAhead: 1, count: 2, NoCap));
    }

    [Fact]
    public async Task SlowRequest_CountsAgainstTheLimitsUntilItsAnswerComesBack()
    {
        // Arrange: it may have reached Telegram only just before its answer, so the window runs from there.
        await using var harness = new SenderHarness(new TelegramSendLimits { GlobalPerSecond = 1 });
        harness.Api.DelayNext(1, TimeSpan.FromMilliseconds(800));
        await harness.EnqueueAsync(1, "slow");
        await harness.EnqueueAsync(2, "next");

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var next = harness.Api.Delivered.Single(request => request.ChatId == 2);
        Assert.InRange(next.At - SenderHarness.Start, TimeSpan.FromMilliseconds(1800), TimeSpan.FromMilliseconds(1800) + Slack);
    }

    [Fact]
    public async Task MessagesOfEachChat_AreSentInTheOrderTheyWereQueued()
    {
        // Arrange
        await using var harness = new SenderHarness();
        for (var i = 0; i < 10; i++)
        {
            await harness.EnqueueAsync(1, $"a{i}");
            await harness.EnqueueAsync(2, $"b{i}");
            await harness.EnqueueAsync(-3, $"c{i}", isGroup: true);
        }

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"a{i}")], Texts(harness, 1));
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"b{i}")], Texts(harness, 2));
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"c{i}")], Texts(harness, -3));
    }

    [Fact]
    public async Task LongText_IsSentAsPartsInOrder_WithTheKeyboardOnTheLastPartOnly()
    {
        // Arrange
        await using var harness = new SenderHarness();
        var paragraphs = Enumerable.Range(0, 3).Select(i => new string((char)('x' + i), 3000)).ToList();
        var keyboard = TelegramKeyboard.SingleColumn([TelegramKeyboard.CallbackButton("Next", "next")]);
        await harness.EnqueueAsync(5, string.Join("\n\n", paragraphs), keyboard: keyboard);

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var sent = harness.Api.Delivered;
        Assert.Equal(paragraphs, sent.Select(request => request.Text));
        Assert.Equal([null, null, keyboard], sent.Select(request => request.Keyboard));
    }

    [Fact]
    public async Task WhenIdleAsync_CompletesOnlyOnceEverythingQueuedWasSent()
    {
        // Arrange
        await using var harness = new SenderHarness();
        var idleBeforeAnything = harness.Sender.WhenIdleAsync(CancellationToken.None);
        await harness.EnqueueAsync(1, "one");
        await harness.EnqueueAsync(1, "two");
        var idleWithTwoQueued = harness.Sender.WhenIdleAsync(CancellationToken.None);

        // Act
        await harness.StartAsync();
        await harness.RunUntilAsync(() => harness.Api.Delivered.Count == 1);
        var completedAfterOne = idleWithTwoQueued.IsCompleted;
        await harness.RunUntilAsync(() => harness.Api.Delivered.Count == 2);
        await idleWithTwoQueued.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.True(idleBeforeAnything.IsCompleted);
        Assert.False(completedAfterOne);
        Assert.Equal(2, harness.Sender.Statistics.Sent);
    }

    private static List<string> Texts(SenderHarness harness, long chatId) =>
        [.. harness.Api.Delivered.Where(request => request.ChatId == chatId).Select(request => request.Text)];
}
