using FsCheck.Xunit;
using RecipeBot.Channels.Telegram.Sending;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

public sealed class RecentMedianTests
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public void BeforeTheFirst_ThereIsNone()
    {
        Assert.Null(new RecentMedian(16).Value);
    }

    [Fact]
    public void OneSlowAnswer_DoesNotMoveIt()
    {
        var median = new RecentMedian(5);
        foreach (var ms in new[] { 52, 51, 950, 53, 50 })
        {
            median.Add(Ms(ms));
        }

        Assert.Equal(Ms(52), median.Value);
    }

    [Fact]
    public void OnlyTheLatestCount()
    {
        var median = new RecentMedian(3);
        foreach (var ms in new[] { 900, 900, 900, 10, 20, 30 })
        {
            median.Add(Ms(ms));
        }

        Assert.Equal(Ms(20), median.Value);
    }

    [Fact]
    public void AWindowOfNone_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentMedian(0));
    }

    [Property(MaxTest = 300)]
    public void IsTheMiddleOfTheLatestWindow(int[] durations, byte window)
    {
        var size = (window % 64) + 1;
        var median = new RecentMedian(size);
        var all = (durations ?? []).Select(d => TimeSpan.FromTicks(d)).ToArray();
        foreach (var duration in all)
        {
            median.Add(duration);
        }

        var latest = all.TakeLast(size).Order().ToArray();
        Assert.Equal(latest.Length == 0 ? null : latest[latest.Length / 2], median.Value);
    }
}
