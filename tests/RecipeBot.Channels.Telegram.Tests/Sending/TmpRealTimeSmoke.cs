using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Channels.Telegram.Tests.Api;
using Xunit.Abstractions;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

public sealed class TmpRealTimeSmoke(ITestOutputHelper output)
{
    [Fact]
    public async Task Smoke()
    {
        await using var api = await BotApiHarness.StartAsync();
        var sender = new TelegramSender(api.Client, new InMemoryChatDirectory(), TimeProvider.System, new TelegramSendLimits(), NullLogger<TelegramSender>.Instance);
        for (var r = 0; r < 3; r++) for (var c = 1; c <= 100; c++) await sender.EnqueueAsync(new TelegramOutgoing(c, $"r{r}", null, false), default);
        await sender.StartAsync(default);
        var start = DateTimeOffset.UtcNow;
        await sender.WhenIdleAsync(default).WaitAsync(TimeSpan.FromSeconds(60));
        var elapsed = DateTimeOffset.UtcNow - start;
        await sender.StopAsync(default);
        var times = api.Server.RequestsFor("sendMessage").Select(r => r.At).Order().ToList();
        var violations = 0; var minGap = TimeSpan.MaxValue;
        for (var i = 30; i < times.Count; i++) { var g = times[i] - times[i - 30]; if (g < TimeSpan.FromSeconds(1)) violations++; if (g < minGap) minGap = g; }
        output.WriteLine($"sent {times.Count} in {elapsed.TotalSeconds:0.00}s, violations {violations}, min 30-gap {minGap.TotalMilliseconds} ms, rate {(times.Count - 30) / (times[^1] - times[0]).TotalSeconds:0.00}/s");
        Assert.Equal(0, violations);
    }
}
