using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Sending;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

public sealed class TelegramSenderFailureTests
{
    private const string PrivateText = "my secret recipe";
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(100);

    public enum Failure { ServerError, Network, Timeout }

    [Fact]
    public async Task RateLimitedMessage_WaitsRetryAfter_ThenSucceeds_WhileOtherChatsGoOn()
    {
        // Arrange
        await using var harness = new SenderHarness();
        harness.Api.FailNext(1, TooManyRequests(TimeSpan.FromSeconds(7)));
        await harness.EnqueueAsync(1, "slowed");
        await harness.EnqueueAsync(2, "unaffected");

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var attempts = harness.Api.Requests.Where(request => request.ChatId == 1).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.InRange(attempts[1].At - attempts[0].At, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) + Slack);
        Assert.Null(attempts[1].Failure);
        Assert.Equal(SenderHarness.Start, harness.Api.Delivered.Single(request => request.ChatId == 2).At);
        var statistics = harness.Sender.Statistics;
        Assert.Equal((2, 1, 1, 0), (statistics.Sent, statistics.RateLimited, statistics.Retried, statistics.Dropped));
    }

    [Fact]
    public async Task RetryAfter_IsCappedAtMaxRetryAfter()
    {
        // Arrange
        await using var harness = new SenderHarness(new TelegramSendLimits { MaxRetryAfter = TimeSpan.FromSeconds(10) });
        harness.Api.FailNext(1, TooManyRequests(TimeSpan.FromHours(1)));
        await harness.EnqueueAsync(1, "hello");

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var attempts = harness.Api.Requests;
        Assert.Equal(2, attempts.Count);
        Assert.InRange(attempts[1].At - attempts[0].At, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10) + Slack);
    }

    [Fact]
    public async Task ChatThatBlockedTheBot_IsMarkedInactive_AndItsQueueAndLaterMessagesAreDropped()
    {
        // Arrange
        await using var harness = new SenderHarness();
        harness.Api.FailNext(9, new ApiRequestException("Forbidden: bot was blocked by the user", 403));
        for (var i = 0; i < 3; i++)
        {
            await harness.EnqueueAsync(9, PrivateText);
        }

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();
        await harness.EnqueueAsync(9, PrivateText);
        await harness.RunUntilIdleAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.SettleAsync();

        // Assert
        Assert.Single(harness.Api.Requests);
        Assert.False(await harness.Chats.IsActiveAsync("telegram:9", CancellationToken.None));
        Assert.Equal((4, 1, 0), (harness.Sender.Statistics.Dropped, harness.Sender.Statistics.BlockedChats, harness.Sender.Statistics.Sent));
        var information = Assert.Single(harness.Logger.Entries, entry => entry.Level == LogLevel.Information);
        Assert.Contains("9", information.Message, StringComparison.Ordinal);
        AssertNoLogContains(harness, PrivateText);
    }

    [Fact]
    public async Task MigratedGroup_IsRecorded_AndItsQueueIsResentToTheNewChatId()
    {
        // Arrange
        await using var harness = new SenderHarness();
        harness.Api.FailNext(-100, new ApiRequestException("Bad Request: group chat was upgraded to a supergroup chat", 400, new ResponseParameters { MigrateToChatId = -1009 }));
        await harness.EnqueueAsync(-100, "first", isGroup: true);
        await harness.EnqueueAsync(-100, "second", isGroup: true);

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();
        await harness.EnqueueAsync(-100, "third", isGroup: true);
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.Equal([("telegram:-100", "telegram:-1009")], harness.Chats.Migrations);
        Assert.Equal(
            [(-100L, "first", true), (-1009L, "first", false), (-1009L, "second", false), (-1009L, "third", false)],
            harness.Api.Requests.Select(request => (request.ChatId, request.Text, request.Failure is not null)));
    }

    [Theory]
    [InlineData(Failure.ServerError)]
    [InlineData(Failure.Network)]
    [InlineData(Failure.Timeout)]
    public async Task TransientFailures_AreRetriedWithGrowingBackoff_ThenSucceed(Failure failure)
    {
        // Arrange
        await using var harness = new SenderHarness();
        harness.Api.FailNext(3, Transient(failure), Transient(failure));
        await harness.EnqueueAsync(3, "hello");

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var times = harness.Api.Requests.Select(request => request.At).ToList();
        Assert.Equal(3, times.Count);
        Assert.InRange(times[1] - times[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25) + Slack);
        Assert.InRange(times[2] - times[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5) + Slack);
        Assert.Equal((1, 2, 0), (harness.Sender.Statistics.Sent, harness.Sender.Statistics.Retried, harness.Sender.Statistics.Dropped));
    }

    [Fact]
    public async Task MessageFailingEveryTime_IsDroppedAfterMaxAttempts_WithAnErrorLogWithoutItsText()
    {
        // Arrange
        await using var harness = new SenderHarness(new TelegramSendLimits { MaxAttempts = 3 });
        harness.Api.FailNext(3, [.. Enumerable.Range(0, 3).Select(_ => Transient(Failure.ServerError))]);
        await harness.EnqueueAsync(3, PrivateText);
        await harness.EnqueueAsync(3, "after");

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.Equal([PrivateText, PrivateText, PrivateText, "after"], harness.Api.Requests.Select(request => request.Text));
        Assert.Equal((1, 1), (harness.Sender.Statistics.Dropped, harness.Sender.Statistics.Sent));
        Assert.Single(harness.Logger.Entries, entry => entry.Level == LogLevel.Error);
        AssertNoLogContains(harness, PrivateText);
    }

    [Fact]
    public async Task BadRequest_IsDroppedWithAWarning_NeverRetried_AndTheChatGoesOn()
    {
        // Arrange
        await using var harness = new SenderHarness();
        harness.Api.FailNext(4, new ApiRequestException("Bad Request: can't parse entities", 400));
        await harness.EnqueueAsync(4, PrivateText);
        await harness.EnqueueAsync(4, "next");

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.Equal([PrivateText, "next"], harness.Api.Requests.Select(request => request.Text));
        Assert.Equal((1, 0, 1), (harness.Sender.Statistics.Dropped, harness.Sender.Statistics.Retried, harness.Sender.Statistics.Sent));
        Assert.Single(harness.Logger.Entries, entry => entry.Level == LogLevel.Warning);
        AssertNoLogContains(harness, PrivateText);
    }

    [Fact]
    public async Task Stopping_EndsTheLoopCleanly_WithMessagesStillWaiting()
    {
        // Arrange
        var harness = new SenderHarness();
        harness.Api.FailNext(1, TooManyRequests(TimeSpan.FromMinutes(1)));
        await harness.EnqueueAsync(1, "waiting");
        await harness.StartAsync();
        await harness.RunUntilAsync(() => harness.Api.Requests.Count == 1);

        // Act
        await harness.DisposeAsync();

        // Assert
        Assert.True(harness.Sender.ExecuteTask!.IsCompletedSuccessfully);
        Assert.False(harness.IsIdle);
    }

    private static ApiRequestException TooManyRequests(TimeSpan retryAfter) =>
        new($"Too Many Requests: retry after {retryAfter.TotalSeconds}", 429, new ResponseParameters { RetryAfter = (int)retryAfter.TotalSeconds });

    /// <summary>As Telegram.Bot reports them: Telegram's own 5xx, and a request that got no Bot API answer at all.</summary>
    private static Exception Transient(Failure failure) => failure switch
    {
        Failure.ServerError => new ApiRequestException("Bad Gateway", 502),
        Failure.Network => new RequestException("Bot API Service Failure: HttpRequestException: Connection refused", new HttpRequestException("Connection refused")),
        _ => new RequestException("Bot API Request timed out", new TaskCanceledException()),
    };

    private static void AssertNoLogContains(SenderHarness harness, string text) =>
        Assert.All(harness.Logger.Entries, entry => Assert.DoesNotContain(text, entry.FullText, StringComparison.Ordinal));
}
