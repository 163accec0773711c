using RecipeBot.Core.CloseOuts;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="ICloseOutStore"/> (meeting close-outs) does; one subclass per implementation runs it.</summary>
public abstract class CloseOutStoreContract
{
    private static readonly DateTimeOffset Occurrence = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    /// <summary>A store over this test's storage; where storage outlives a store, a new one (a restarted bot, another instance).</summary>
    protected abstract ICloseOutStore Open();

    [SkippableFact]
    public async Task ACloseOut_IsReadBack_WithEveryField()
    {
        var closed = Closed("meeting001", "telegram:-100");
        await Open().SaveAsync(closed, CancellationToken.None);

        var read = await Open().GetAsync("meeting001", Occurrence, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(closed, read with { Organisations = closed.Organisations, Decisions = closed.Decisions });
        Assert.Equal(closed.Organisations, read.Organisations);
        Assert.Equal(closed.Decisions, read.Decisions);
        Assert.Null(await Open().GetAsync("meeting001", Occurrence.AddDays(7), CancellationToken.None));
    }

    [SkippableFact]
    public async Task ACloseOutJustBegun_KeepsItsEmptyFields_AndIsFoundByTheSameInstantInAnotherOffset()
    {
        var begun = MeetingCloseOut.Begin("meeting001", Occurrence, "telegram:-100", null, Occurrence.AddHours(2));
        await Open().SaveAsync(begun, CancellationToken.None);

        var read = await Open().GetAsync("meeting001", Occurrence.ToOffset(TimeSpan.FromHours(2)), CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal((null, null, null, null), (read.ClosedBy, read.MinutesLink, read.Attendees, read.ClosedAt));
        Assert.Empty(read.Organisations);
        Assert.Empty(read.Decisions);
        Assert.Equal((begun.Step, begun.StartedAt), (read.Step, read.StartedAt));
    }

    [SkippableFact]
    public async Task Save_ReplacesTheOccurrencesCloseOut()
    {
        var store = Open();
        await store.SaveAsync(MeetingCloseOut.Begin("meeting001", Occurrence, "telegram:-100", "organiser", Occurrence.AddHours(2)), CancellationToken.None);

        await Open().SaveAsync(Closed("meeting001", "telegram:-100"), CancellationToken.None);

        var only = Assert.Single(await store.ListAsync("telegram:-100", CancellationToken.None));
        Assert.Equal((CloseOutStep.Closed, 14), (only.Step, only.Attendees));
    }

    [SkippableFact]
    public async Task List_GivesTheConversationsCloseOuts_ByOccurrenceThenMeeting()
    {
        var store = Open();
        await store.SaveAsync(Closed("meeting-b", "telegram:-100"), CancellationToken.None);
        await store.SaveAsync(Closed("meeting-c", "telegram:-100") with { Occurrence = Occurrence.AddDays(-7) }, CancellationToken.None);
        await store.SaveAsync(Closed("meeting-a", "telegram:-100"), CancellationToken.None);
        await store.SaveAsync(Closed("meeting-z", "telegram:-200") with { Occurrence = Occurrence.AddDays(-14) }, CancellationToken.None);

        var listed = await Open().ListAsync("telegram:-100", CancellationToken.None);

        Assert.Equal(["meeting-c", "meeting-a", "meeting-b"], listed.Select(c => c.MeetingId));
        Assert.Empty(await store.ListAsync("telegram:-300", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Erase_TakesOnlyTheUsersCloseOuts_OrTheWholeConversations()
    {
        var store = Open();
        await store.SaveAsync(Closed("meeting001", "telegram:-100"), CancellationToken.None);
        await store.SaveAsync(MeetingCloseOut.Begin("meeting002", Occurrence, "telegram:-100", "someone", Occurrence.AddHours(2)), CancellationToken.None);
        await store.SaveAsync(Closed("meeting003", "telegram:-200"), CancellationToken.None);

        await Open().EraseAsync("telegram:-100", "someone", CancellationToken.None);
        var afterUser = await store.ListAsync("telegram:-100", CancellationToken.None);
        await Open().EraseAsync("telegram:-100", null, CancellationToken.None);

        Assert.Equal(["meeting001"], afterUser.Select(c => c.MeetingId));
        Assert.Empty(await store.ListAsync("telegram:-100", CancellationToken.None));
        Assert.Single(await store.ListAsync("telegram:-200", CancellationToken.None));
    }

    private static MeetingCloseOut Closed(string meetingId, string conversationId) =>
        MeetingCloseOut.Begin(meetingId, Occurrence, conversationId, "organiser", Occurrence.AddHours(2)) with
        {
            Step = CloseOutStep.Closed, MinutesLink = "https://vald.ee/p/1", Attendees = 14, Organisations = ["Küla selts", "Noortekogu"],
            Decisions = [new("Remont", "commitment-7"), new("Uus kohtumine")], ClosedAt = Occurrence.AddHours(3),
        };
}
