using RecipeBot.Core.Engine;

namespace RecipeBot.Core.Tests;

public sealed class DeliveryTests
{
    private readonly EngineHarness _bot = new();

    private Task<OutgoingMessage?> DeliverAsync(string text, string deliveryId) =>
        _bot.Turns.RunAsync(new IncomingMessage("test:1", text, DeliveryId: deliveryId), CancellationToken.None);

    [Fact]
    public async Task TheSameDeliveryTwice_HasEffectOnce()
    {
        await DeliverAsync("/start", "1");
        var first = await DeliverAsync("en", "2");

        var again = await DeliverAsync("en", "2");

        Assert.Equal("role", first!.State);
        Assert.Null(again);
        var stored = await _bot.Store.LoadAsync("test:1", CancellationToken.None);
        Assert.Equal(2, stored!.Turns);
        Assert.Equal(["1", "2"], stored.Deliveries);
    }

    [Fact]
    public async Task OnlyTheLatestDeliveriesAreRemembered()
    {
        await DeliverAsync("/start", "0");
        for (var i = 1; i <= 40; i++)
        {
            await DeliverAsync("/help", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var stored = await _bot.Store.LoadAsync("test:1", CancellationToken.None);

        Assert.Equal(32, stored!.Deliveries.Count);
        Assert.Equal("40", stored.Deliveries[^1]);
        Assert.NotNull(await DeliverAsync("/help", "0"));
    }
}
