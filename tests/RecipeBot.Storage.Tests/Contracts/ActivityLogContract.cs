using RecipeBot.Core.Stats;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IActivityLog"/> (the activity /stats counts) does; one subclass per implementation runs it.</summary>
public abstract class ActivityLogContract
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A log over this test's storage; where storage outlives a log, a new one (a restarted bot, another instance).</summary>
    protected abstract IActivityLog Open();

    [SkippableFact]
    public async Task TheSameActivity_CountsOncePerUtcDay()
    {
        var diagnosed = new ActivityEvent("telegram:-100", ActivityKinds.SituationDiagnosed, "contact/no-partners", Morning);
        await Open().RecordAsync(diagnosed, CancellationToken.None);
        await Open().RecordAsync(diagnosed with { At = Morning.AddHours(14).AddMinutes(30) }, CancellationToken.None);
        // 01:00 in Tallinn on the 21st is still the 20th in UTC.
        await Open().RecordAsync(diagnosed with { At = new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.FromHours(2)) }, CancellationToken.None);
        await Open().RecordAsync(diagnosed with { At = Morning.AddDays(1) }, CancellationToken.None);

        var events = await Open().ListAsync("telegram:-100", CancellationToken.None);

        Assert.Equal([diagnosed, diagnosed with { At = Morning.AddDays(1) }], events);
    }

    [SkippableFact]
    public async Task EachKindAndSubject_CountsOnItsOwn_OldestFirst()
    {
        var log = Open();
        await log.RecordAsync(new("telegram:-100", ActivityKinds.RecipeTried, "contact/no-partners/1", Morning.AddHours(2)), CancellationToken.None);
        await log.RecordAsync(new("telegram:-100", ActivityKinds.SituationDiagnosed, "contact/no-partners", Morning), CancellationToken.None);
        await log.RecordAsync(new("telegram:-100", ActivityKinds.SituationDiagnosed, "planning/priorities", Morning.AddHours(1)), CancellationToken.None);
        await log.RecordAsync(new("telegram:-200", ActivityKinds.SituationDiagnosed, "contact/no-partners", Morning), CancellationToken.None);

        var events = await Open().ListAsync("telegram:-100", CancellationToken.None);

        Assert.Equal(["contact/no-partners", "planning/priorities", "contact/no-partners/1"], events.Select(e => e.Subject));
        Assert.Empty(await log.ListAsync("telegram:-300", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Erase_TakesTheConversationsActivity_OthersStay()
    {
        var log = Open();
        await log.RecordAsync(new("telegram:-100", ActivityKinds.SituationDiagnosed, "contact/no-partners", Morning), CancellationToken.None);
        await log.RecordAsync(new("telegram:-200", ActivityKinds.SituationDiagnosed, "contact/no-partners", Morning), CancellationToken.None);

        await Open().EraseAsync("telegram:-100", CancellationToken.None);

        Assert.Empty(await log.ListAsync("telegram:-100", CancellationToken.None));
        Assert.Single(await log.ListAsync("telegram:-200", CancellationToken.None));
    }
}
