using RecipeBot.Channels.Telegram.Receiving;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

public sealed class PollHoldTests
{
    [Theory]
    [InlineData(0, 53, 0)]
    [InlineData(10, 50, 0)]
    [InlineData(24, 50, 14)]
    [InlineData(300, 100, 280)]
    [InlineData(5, 0, 5)]
    public void APoll_IsHeldForTheSlotWaitBeyondAFifthOfARoundTrip(int slotWaitMs, int roundTripMs, int holdMs) =>
        Assert.Equal(
            TimeSpan.FromMilliseconds(holdMs),
            TelegramPollingService.Hold(TimeSpan.FromMilliseconds(slotWaitMs), TimeSpan.FromMilliseconds(roundTripMs)));
}
