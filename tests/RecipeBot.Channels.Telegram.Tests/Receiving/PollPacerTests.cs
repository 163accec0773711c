using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Channels.Telegram.Tests.Sending;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

/// <summary>The poller's pacing against a real sender on a fake clock: two request slots, round trips of 100 ms, turns of 10 ms.</summary>
public sealed class PollPacerTests
{
    private static readonly TimeSpan TurnTime = TimeSpan.FromMilliseconds(10);

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Theory]
    [InlineData(0, 53, 0)]
    [InlineData(10, 50, 0)]
    [InlineData(24, 50, 14)]
    [InlineData(300, 100, 280)]
    [InlineData(5, 0, 5)]
    public void APoll_IsHeldForTheSlotWaitBeyondAFifthOfARoundTrip(int slotWaitMs, int roundTripMs, int holdMs) =>
        Assert.Equal(Ms(holdMs), PollPacer.Hold(Ms(slotWaitMs), Ms(roundTripMs)));

    [Fact]
    public async Task BeforeAnyRoundTripIsKnown_APollGoesAtOnce_ForAsManyUpdatesAsThereAreSlots()
    {
        await using var harness = new SenderHarness(new TelegramSendLimits { MaxConcurrentRequests = 2 });
        var pacer = PacerOf(harness);

        pacer.Arrived(2, Ms(30));

        Assert.Equal((TimeSpan.Zero, 2), pacer.Next());
    }

    [Fact]
    public async Task AfterABatch_TheNextPollIsHeldUntilItsRepliesWouldFindSlots_CountedFromTheBatch()
    {
        // Arrange: both slots taken by requests that come back in 80 ms.
        await using var harness = await BusyAsync();
        var pacer = PacerOf(harness);

        // Act: a batch of two arrives after a 30 ms poll. Its replies take the slots at 80 ms and hold them to 180 ms;
        // the next batch would be ready at 40 ms (a poll and a turn) and wait 140 ms, less 20 ms of margin.
        pacer.Arrived(2, Ms(30));
        harness.Clock.Advance(Ms(50));

        // Assert: what is left of the 120 ms.
        Assert.Equal((Ms(70), 2), pacer.Next());
    }

    [Fact]
    public async Task AfterAnEmptyOrFailedPoll_TheHoldIsForecastAfresh_WithoutTheOldBatch()
    {
        await using var harness = await BusyAsync();
        var pacer = PacerOf(harness);
        pacer.Arrived(2, Ms(30));
        Assert.NotEqual(TimeSpan.Zero, pacer.Next().Hold);

        // No batch came since (the poll was empty, or failed). 10 ms on, the old forecast would hold it 110 ms more;
        // afresh, both slots come back in 70 ms and a batch polled now is ready in 40: the second of two waits 30 ms,
        // held for 10 beyond the margin.
        harness.Clock.Advance(Ms(10));

        Assert.Equal((Ms(10), 2), pacer.Next());
    }

    [Fact]
    public async Task WhileEverySlotIsTaken_AFreshForecastHoldsThePoll()
    {
        await using var harness = await BusyAsync();
        var pacer = PacerOf(harness);
        pacer.Arrived(1, Ms(1));
        pacer.Next();

        // Both slots come back in 80 ms; a batch polled now is ready in 11 ms: its middle reply (the second of two)
        // takes the second slot at 80 ms, 69 ms late, held for 49 ms beyond the margin.
        Assert.Equal((Ms(49), 2), pacer.Next());
    }

    [Fact]
    public async Task AHoldPastTheLongest_IsCut_AndThePollAsksForTheMostUpdates()
    {
        // A hundred replies ahead of two slots of 100 ms would hold the next poll for about 5 s.
        await using var harness = await BusyAsync();
        var pacer = PacerOf(harness);

        pacer.Arrived(100, Ms(30));

        Assert.Equal((PollPacer.MaxHold, TelegramPollingService.MaxBatch), pacer.Next());
    }

    private static PollPacer PacerOf(SenderHarness harness) => new(harness.Sender, () => TurnTime, 2, harness.Time);

    /// <summary>A sender that learned a 100 ms round trip, with both its slots taken by requests started 20 ms ago.</summary>
    private static async Task<SenderHarness> BusyAsync()
    {
        var harness = new SenderHarness(new TelegramSendLimits { MaxConcurrentRequests = 2, PerChatInterval = TimeSpan.Zero });
        harness.Api.DelayNext(1, Ms(100));
        await harness.EnqueueAsync(1, "first");
        await harness.StartAsync();
        await harness.RunUntilIdleAsync();
        harness.Api.DelayNext(2, Ms(100));
        harness.Api.DelayNext(3, Ms(100));
        await harness.EnqueueAsync(2, "second");
        await harness.EnqueueAsync(3, "third");
        await harness.SettleAsync();
        harness.Clock.Advance(Ms(20));
        await harness.SettleAsync();
        return harness;
    }
}
