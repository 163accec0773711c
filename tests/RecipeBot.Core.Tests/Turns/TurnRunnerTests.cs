using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Tests.Turns;

public sealed class TurnRunnerTests
{
    private static EngineHarness FailingMeetings(InMemoryConversationStore store) =>
        new(store, meetings: MeetingServices.InMemory() with { Store = FailingProxy<IMeetingStore>.Create() });

    [Fact]
    public async Task TheReply_IsWrittenToTheOutboxWithTheConversation()
    {
        var store = new InMemoryConversationStore();
        var bot = new EngineHarness(store);

        var reply = await bot.SayAsync("/start", lang: "en");

        var row = Assert.Single(await store.PendingAsync("test:", 0, 10, DateTimeOffset.MaxValue, CancellationToken.None));
        Assert.Equal(reply.Text, row.Message.Text);
        Assert.Equal(1, (await store.LoadAsync("test:1", CancellationToken.None))!.Turns);
    }

    [Fact]
    public async Task ARedeliveredMessage_WritesNoSecondReply()
    {
        var store = new InMemoryConversationStore();
        var bot = new EngineHarness(store);
        var message = new IncomingMessage("test:1", "/start", DeliveryId: "7");

        var first = await bot.Turns.RunAsync(message, CancellationToken.None);
        var again = await bot.Turns.RunAsync(message, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.Equal(1, store.OutboxCount);
        Assert.Equal("7", first.InReplyTo);
    }

    [Fact]
    public async Task ATurnThatThrows_IsAnsweredWithAnApologyInTheUsersLanguage_AndKeepsTheStateFromBefore()
    {
        var store = new InMemoryConversationStore();
        var bot = FailingMeetings(store);
        await bot.SayAsync("/start", lang: "en");
        await bot.SayAsync("en");

        var reply = await bot.Turns.RunAsync(new IncomingMessage("test:1", "/meetings", DeliveryId: "41"), CancellationToken.None);

        Assert.StartsWith("Sorry, something went wrong on my side.", reply!.Text, StringComparison.Ordinal);
        Assert.Equal("role", reply.State);
        var stored = (await store.LoadAsync("test:1", CancellationToken.None))!;
        Assert.Equal("role", stored.State);
        Assert.Equal(1, stored.Failures);
        Assert.Contains("41", stored.Deliveries);
        Assert.Equal(3, store.OutboxCount);
    }

    [Fact]
    public async Task AnApology_IsInEstonianForAnEstonianConversation()
    {
        var bot = FailingMeetings(new InMemoryConversationStore());
        await bot.SayAsync("/start");

        var reply = await bot.SayAsync("/meetings");

        Assert.StartsWith("Vabandust", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeFailuresInARow_ResetTheConversationToTheMenu_KeepingLanguageAndRole()
    {
        var store = new InMemoryConversationStore();
        var bot = FailingMeetings(store);
        foreach (var text in new[] { "/start", "en", "official", "contact", "no-partners" })
        {
            await bot.SayAsync(text);
        }

        await bot.SayAsync("/meetings");
        await bot.SayAsync("/meetings");
        var third = await bot.SayAsync("/meetings");

        Assert.StartsWith("Sorry, several things went wrong in a row", third.Text, StringComparison.Ordinal);
        Assert.Equal("phase", third.State);
        var stored = (await store.LoadAsync("test:1", CancellationToken.None))!;
        Assert.Equal(("en", "official", 0), (stored.Language, stored.Role, stored.Failures));
        Assert.Empty(stored.History);
    }

    [Fact]
    public async Task ASuccessfulTurn_ClearsTheFailureCount()
    {
        var store = new InMemoryConversationStore();
        var bot = FailingMeetings(store);
        await bot.SayAsync("/start", lang: "en");
        await bot.SayAsync("/meetings");
        await bot.SayAsync("/meetings");

        await bot.SayAsync("/help");
        var afterwards = await bot.SayAsync("/meetings");

        Assert.StartsWith("Sorry, something went wrong on my side.", afterwards.Text, StringComparison.Ordinal);
        Assert.Equal(1, (await store.LoadAsync("test:1", CancellationToken.None))!.Failures);
    }

    [Fact]
    public async Task ManyTurnsOfOneConversationAtOnce_RunOneAfterTheOther()
    {
        var store = new InMemoryConversationStore();
        var bot = new EngineHarness(store);
        await bot.SayAsync("/start", lang: "en");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => bot.Turns.RunAsync(new IncomingMessage("test:1", "/help", DeliveryId: $"d{i}"), CancellationToken.None))));

        Assert.Equal(51, (await store.LoadAsync("test:1", CancellationToken.None))!.Turns);
        Assert.Equal(51, store.OutboxCount);
    }
}
