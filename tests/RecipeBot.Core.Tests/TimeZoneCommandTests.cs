namespace RecipeBot.Core.Tests;

/// <summary><c>/timezone</c>: IANA ids, UTC, any case where only one zone matches.</summary>
public sealed class TimeZoneCommandTests
{
    private readonly EngineHarness _bot = new();

    private async Task InEnglishAsync()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");
    }

    [Theory]
    [InlineData("UTC", "UTC")]
    [InlineData("utc", "UTC")]
    [InlineData("Etc/UTC", "Etc/UTC")]
    [InlineData("etc/utc", "Etc/UTC")]
    [InlineData("Europe/Helsinki", "Europe/Helsinki")]
    [InlineData("europe/helsinki", "Europe/Helsinki")]
    [InlineData("AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    public async Task AnIanaZoneOrUtc_IsAccepted_InAnyCase(string typed, string zone)
    {
        await InEnglishAsync();

        var reply = await _bot.SayAsync("/timezone " + typed);

        Assert.StartsWith($"The time zone is now {zone}.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(zone, (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("EST")]
    [InlineData("Eastern Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("\uFFFE")]
    public async Task AnythingElse_GetsTheHint_AndTheZoneStays(string typed)
    {
        await InEnglishAsync();

        var reply = await _bot.SayAsync("/timezone " + typed);

        Assert.StartsWith("I do not know that time zone.", reply.Text, StringComparison.Ordinal);
        Assert.Null((await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.TimeZone);
    }

    [Fact]
    public async Task InUtc_AScheduleIsPlannedInUtc()
    {
        await InEnglishAsync();
        await _bot.SayAsync("/timezone UTC");

        var proposal = await _bot.SayAsync("every Monday at 10");

        Assert.Equal("UTC", proposal.Schedule!.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), proposal.Schedule.Next[0]);
    }
}
