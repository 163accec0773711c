using FsCheck.Xunit;
using RecipeBot.Channels.Telegram.Sending;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

public sealed class SlotForecastTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan NoCap = TimeSpan.MaxValue;

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static DateTimeOffset[] StartedAgo(params double[] milliseconds) => [.. milliseconds.Select(ms => Now - Ms(ms))];

    [Fact]
    public void WithSlotsFree_NothingWaits()
    {
        Assert.Equal(TimeSpan.Zero, SlotForecast.MiddleWait(Now, [], 4, RoundTrip, Ms(30), ahead: 0, count: 4, NoCap));
    }

    [Fact]
    public void WithEverySlotTaken_TheBatchWaitsForTheRequestsInFlightToComeBack()
    {
        // Both requests started 20 ms ago and come back 100 ms after their start: 80 ms from now, 50 after the reply is ready.
        var wait = SlotForecast.MiddleWait(Now, StartedAgo(20, 20), 2, RoundTrip, Ms(30), ahead: 0, count: 1, NoCap);

        Assert.Equal(Ms(50), wait);
    }

    [Fact]
    public void TheMiddleReply_TakesTheMiddleSlotToFree()
    {
        // Four slots free at 0, 25, 50 and 75 ms from now; of four replies ready now, the third goes at 50 ms.
        var wait = SlotForecast.MiddleWait(Now, StartedAgo(100, 75, 50, 25), 4, RoundTrip, TimeSpan.Zero, ahead: 0, count: 4, NoCap);

        Assert.Equal(Ms(50), wait);
    }

    [Fact]
    public void RepliesAhead_TakeTheSlotsFirst_ForARoundTripEach()
    {
        // Two free slots, two replies ahead: they hold both for 100 ms, so a reply ready in 10 ms waits 90.
        var wait = SlotForecast.MiddleWait(Now, [], 2, RoundTrip, Ms(10), ahead: 2, count: 1, NoCap);

        Assert.Equal(Ms(90), wait);
    }

    [Fact]
    public void ARequestLongOverdue_FreesItsSlotNow_NotInThePast()
    {
        // Started 500 ms ago with a 100 ms round trip: the slot is free as soon as its answer comes; an ahead reply takes it now.
        var wait = SlotForecast.MiddleWait(Now, StartedAgo(500), 1, RoundTrip, Ms(40), ahead: 1, count: 1, NoCap);

        Assert.Equal(Ms(60), wait);
    }

    [Fact]
    public void NoBatch_NoWait()
    {
        Assert.Equal(TimeSpan.Zero, SlotForecast.MiddleWait(Now, StartedAgo(1, 2, 3), 3, RoundTrip, TimeSpan.Zero, ahead: 100, count: 0, NoCap));
    }

    [Fact]
    public void AReadyTimeInThePast_CountsAsNow()
    {
        var flights = StartedAgo(20, 20);

        Assert.Equal(
            SlotForecast.MiddleWait(Now, flights, 2, RoundTrip, TimeSpan.Zero, ahead: 1, count: 3, NoCap),
            SlotForecast.MiddleWait(Now, flights, 2, RoundTrip, Ms(-900), ahead: 1, count: 3, NoCap));
        Assert.Equal(TimeSpan.Zero, SlotForecast.MiddleWait(Now, [], 2, RoundTrip, Ms(-900), ahead: 0, count: 2, NoCap));
    }

    [Fact]
    public void ALongQueue_IsToldAsTheCap()
    {
        // A thousand replies ahead of two slots would keep them 50 s: told as the one second asked about.
        var wait = SlotForecast.MiddleWait(Now, [], 2, RoundTrip, Ms(10), ahead: 1_000, count: 2, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    [Fact(Timeout = 10_000)]
    public async Task AQueueOfAnyLength_IsToldAsTheCap_WithoutWorkingThroughIt()
    {
        // Two billion replies ahead: only the first few round trips are worked out.
        var wait = await Task.Run(() => SlotForecast.MiddleWait(Now, [], 2, RoundTrip, Ms(10), ahead: int.MaxValue, count: 2, TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    [Property(MaxTest = 300)]
    public void TheCap_OnlyCutsTheWait(int[] flights, int slots, int roundTrip, int readyIn, int ahead, int count, ushort cap)
    {
        var forecast = Forecast.Of(flights, slots, roundTrip, readyIn, ahead, count);
        var uncapped = forecast.Wait();

        Assert.Equal(uncapped < Ms(cap) ? uncapped : Ms(cap), forecast.Wait(cap: Ms(cap)));
    }

    [Property(MaxTest = 300)]
    public void AWait_IsNeverNegative_NorLongerThanTheQueueAheadCanTake(int[] flights, int slots, int roundTrip, int readyIn, int ahead, int count)
    {
        var forecast = Forecast.Of(flights, slots, roundTrip, readyIn, ahead, count);

        var wait = forecast.Wait();

        Assert.True(wait >= TimeSpan.Zero);
        // At worst every slot frees with the latest request in flight, and each serves the ones ahead and half the batch in turn.
        var latestFree = forecast.Flights.Length == 0 ? Now : forecast.Flights.Max() + forecast.RoundTrip;
        var turns = ((forecast.Ahead + (forecast.Count / 2)) / forecast.Slots) + 1;
        var bound = (latestFree > Now ? latestFree - Now : TimeSpan.Zero) + (turns * forecast.RoundTrip);
        Assert.True(wait <= bound, $"{wait} > {bound}");
    }

    [Property(MaxTest = 300)]
    public void MoreAhead_NeverWaitsLess(int[] flights, int slots, int roundTrip, int readyIn, int ahead, int count, byte more)
    {
        var forecast = Forecast.Of(flights, slots, roundTrip, readyIn, ahead, count);

        Assert.True(forecast.Wait(extraAhead: more) >= forecast.Wait());
    }

    [Property(MaxTest = 300)]
    public void ReadyLater_NeverWaitsLonger(int[] flights, int slots, int roundTrip, int readyIn, int ahead, int count, ushort later)
    {
        var forecast = Forecast.Of(flights, slots, roundTrip, readyIn, ahead, count);

        Assert.True(forecast.Wait(laterBy: Ms(later)) <= forecast.Wait());
    }

    [Property(MaxTest = 300)]
    public void RequestsInFlight_OnlyEverLengthenTheWait(int[] flights, int slots, int roundTrip, int readyIn, int ahead, int count)
    {
        var forecast = Forecast.Of(flights, slots, roundTrip, readyIn, ahead, count);

        Assert.True(forecast.Wait() >= (forecast with { Flights = [] }).Wait());
    }

    /// <summary>
    /// Arbitrary integers folded into a plausible forecast: up to 128 slots and 10 s round trips, starts within the
    /// last 20 s, replies ready up to 10 s from now or, as a caller's arithmetic might have it, up to 10 s ago.
    /// </summary>
    private sealed record Forecast(DateTimeOffset[] Flights, int Slots, TimeSpan RoundTrip, TimeSpan ReadyIn, int Ahead, int Count)
    {
        public static Forecast Of(int[]? flights, int slots, int roundTrip, int readyIn, int ahead, int count)
        {
            var slotCount = (int)((uint)slots % 128) + 1;
            var starts = (flights ?? []).Take(slotCount).Select(ms => Now - Ms((uint)ms % 20_000)).ToArray();
            return new Forecast(starts, slotCount, Ms((uint)roundTrip % 10_000), Ms(readyIn % 10_000), (int)((uint)ahead % 500), (int)((uint)count % 200));
        }

        public TimeSpan Wait(int extraAhead = 0, TimeSpan laterBy = default, TimeSpan? cap = null) =>
            SlotForecast.MiddleWait(Now, Flights, Slots, RoundTrip, ReadyIn + laterBy, Ahead + extraAhead, Count, cap ?? NoCap);
    }
}
