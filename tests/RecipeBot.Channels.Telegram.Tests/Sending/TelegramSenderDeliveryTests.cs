using System.Text;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>Documents in the queue, and what <see cref="TelegramSender.SendAsync"/> reports about a message.</summary>
public sealed class TelegramSenderDeliveryTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(100);
    private static readonly MessageAttachment Invite = new("meeting.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));

    private static TelegramOutgoing WithDocument(long chatId, string text, bool isGroup = false) => new(chatId, text, null, isGroup, Invite);

    [Fact]
    public async Task ADocument_FollowsItsText_AndWaitsForTheChatsIntervalLikeAMessage()
    {
        // Arrange
        await using var harness = new SenderHarness();
        var keyboard = TelegramKeyboard.SingleColumn([TelegramKeyboard.CallbackButton("Done", "done")]);
        await harness.EnqueueAsync(new TelegramOutgoing(7, "Tuesdays at 18:00", keyboard, false, Invite));
        await harness.EnqueueAsync(7, "next");

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        var requests = harness.Api.Delivered;
        Assert.Equal([("Tuesdays at 18:00", null), ("", "meeting.ics"), ("next", null)], requests.Select(request => (request.Text, request.Document)));
        Assert.NotNull(requests[0].Keyboard);
        Assert.InRange(requests[1].At - requests[0].At, harness.Limits.PerChatInterval, harness.Limits.PerChatInterval + Slack);
        Assert.InRange(requests[2].At - requests[1].At, harness.Limits.PerChatInterval, harness.Limits.PerChatInterval + Slack);
        Assert.Equal(3, harness.Sender.Statistics.Sent);
    }

    [Fact]
    public async Task InAGroup_DocumentsCountAgainstTheTwentyPerMinute()
    {
        // Arrange
        await using var harness = new SenderHarness();
        for (var i = 0; i < 15; i++)
        {
            await harness.EnqueueAsync(WithDocument(-42, $"meeting {i}", isGroup: true));
        }

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync(TimeSpan.FromMilliseconds(100));

        // Assert
        var times = harness.Api.Delivered.Select(request => request.At).ToList();
        Assert.Equal(30, times.Count);
        Assert.Equal(15, harness.Api.Delivered.Count(request => request.Document is not null));
        var perMinute = harness.Limits.GroupMessagesPerMinute;
        for (var i = perMinute; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - perMinute] >= TimeSpan.FromMinutes(1), $"Requests {i - perMinute} and {i} were less than a minute apart.");
        }
    }

    [Fact]
    public async Task SendAsync_IsSent_OnlyOnceTheDocumentAfterTheTextWasAccepted()
    {
        // Arrange
        await using var harness = new SenderHarness();
        var outcome = harness.SendAsync(WithDocument(8, "Tuesdays at 18:00"));

        // Act
        await harness.StartAsync();
        await harness.RunUntilAsync(() => harness.Api.Delivered.Count == 1);
        var completedAfterTheText = outcome.IsCompleted;
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.False(completedAfterTheText);
        Assert.Equal(SendOutcome.Sent, await outcome);
        Assert.Equal(2, harness.Api.Delivered.Count);
    }

    [Fact]
    public async Task SendAsync_ToAChatThatAnswers403_IsBlocked_AsIsWhatWaitedBehindIt_AndWhatComesLater()
    {
        // Arrange
        await using var harness = new SenderHarness();
        harness.Api.FailNext(9, new ApiRequestException("Forbidden: bot was blocked by the user", 403));
        var first = harness.SendAsync(WithDocument(9, "first"));
        var second = harness.SendAsync(new TelegramOutgoing(9, "second", null, false));

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();
        var later = await harness.SendAsync(new TelegramOutgoing(9, "later", null, false));

        // Assert
        Assert.Equal((SendOutcome.Blocked, SendOutcome.Blocked, SendOutcome.Blocked), (await first, await second, later));
        Assert.Single(harness.Api.Requests);
        Assert.False(await harness.Chats.IsActiveAsync("telegram:9", CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_ToAChatKnownInactive_IsBlocked_WithoutARequest()
    {
        // Arrange
        await using var harness = new SenderHarness();
        await harness.Chats.SetActiveAsync("telegram:10", false, CancellationToken.None);

        // Act
        var outcome = await harness.SendAsync(WithDocument(10, "hello"));

        // Assert
        Assert.Equal(SendOutcome.Blocked, outcome);
        Assert.Empty(harness.Api.Requests);
        Assert.Equal(2, harness.Sender.Statistics.Dropped);
    }

    [Fact]
    public async Task SendAsync_WhoseTextIsRefused_IsRejected_AndTheChatGoesOn()
    {
        // Arrange
        await using var harness = new SenderHarness();
        harness.Api.FailNext(11, new ApiRequestException("Bad Request: can't parse entities", 400));
        var refused = harness.SendAsync(new TelegramOutgoing(11, "<b>broken", null, false));
        var next = harness.SendAsync(new TelegramOutgoing(11, "fine", null, false));

        // Act
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.Equal((SendOutcome.Rejected, SendOutcome.Sent), (await refused, await next));
    }

    [Fact]
    public async Task SendAsync_WhoseDocumentIsGivenUpAfterItsText_IsFailed()
    {
        // Arrange
        await using var harness = new SenderHarness(new TelegramSendLimits { MaxAttempts = 2 });
        var outcome = harness.SendAsync(WithDocument(12, "Tuesdays at 18:00"));
        await harness.StartAsync();
        await harness.RunUntilAsync(() => harness.Api.Delivered.Count == 1);

        // Act
        harness.Api.FailNext(12, new ApiRequestException("Bad Gateway", 502), new ApiRequestException("Bad Gateway", 502));
        await harness.RunUntilIdleAsync();

        // Assert
        Assert.Equal(SendOutcome.Failed, await outcome);
        Assert.Equal([null, "meeting.ics", "meeting.ics"], harness.Api.Requests.Select(request => request.Document));
    }

    [Fact]
    public async Task ARequestInFlightWhenTheSenderStops_IsLetFinish_AndReportedSent()
    {
        // Arrange: Telegram answers the request a second after taking it.
        var harness = new SenderHarness();
        harness.Api.DelayNext(13, TimeSpan.FromSeconds(1));
        var outcome = harness.SendAsync(new TelegramOutgoing(13, "on its way", null, false));
        await harness.StartAsync();
        await harness.RunUntilAsync(() => harness.Api.Requests.Count == 1);

        // Act: the bot stops while the answer is on its way, and the answer comes within the grace.
        var stopping = harness.DisposeAsync().AsTask();
        await Task.Delay(100);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await stopping;

        // Assert: cutting it off would have left a reminder unconfirmed, to be sent again after the restart.
        Assert.Equal(SendOutcome.Sent, await outcome);
    }

    [Fact]
    public async Task SendAsync_StillQueuedWhenTheSenderStops_IsFailed()
    {
        // Arrange
        var harness = new SenderHarness();
        harness.Api.FailNext(13, new ApiRequestException("Too Many Requests: retry after 60", 429, new ResponseParameters { RetryAfter = 60 }));
        var outcome = harness.SendAsync(new TelegramOutgoing(13, "waiting", null, false));
        await harness.StartAsync();
        await harness.RunUntilAsync(() => harness.Api.Requests.Count == 1);

        // Act
        await harness.DisposeAsync();

        // Assert
        Assert.Equal(SendOutcome.Failed, await outcome);
    }
}
