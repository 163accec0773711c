using RecipeBot.Channels.Telegram.Receiving;

namespace RecipeBot.Channels.Telegram.Tests.Receiving;

public sealed class PollingBatchSizeTests
{
    [Theory]
    [InlineData(16, 0, 16)]
    [InlineData(64, 0, 64)]
    [InlineData(64, 10, 54)]
    [InlineData(64, 64, 16)]
    [InlineData(64, 500, 16)]
    [InlineData(1, 3, 1)]
    [InlineData(256, 0, TelegramPollingService.MaxBatch)]
    [InlineData(256, 180, 76)]
    [InlineData(256, 200, 64)]
    public void ABatch_IsNoLargerThanTheFreeRequestSlots_AtLeastAQuarterOfThem_AtMostTelegramsMaximum(int slots, int waiting, int expected) =>
        Assert.Equal(expected, TelegramPollingService.BatchSize(slots, waiting));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(16, 4)]
    [InlineData(64, 16)]
    [InlineData(1000, TelegramPollingService.MaxBatch)]
    public void WhileFewerSlotsThanAQuarterAreFree_APollWaits(int slots, int smallest) =>
        Assert.Equal(smallest, TelegramPollingService.SmallestBatch(slots));
}
