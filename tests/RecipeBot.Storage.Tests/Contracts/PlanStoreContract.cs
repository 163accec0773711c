using RecipeBot.Core.Channels;
using RecipeBot.Core.Plans;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IPlanStore"/> (action plans) does; one subclass per implementation runs it.</summary>
public abstract class PlanStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A store over this test's storage; where storage outlives a store, a new one (a restarted bot, another instance).</summary>
    protected abstract IPlanStore Open();

    /// <summary>A plan store and the chat directory over the same storage, wired as the host wires them.</summary>
    protected abstract (IPlanStore Plans, IChatDirectory Chats) OpenWithChats();

    [SkippableFact]
    public async Task APlan_IsReadBack_WithEveryField()
    {
        var saved = Plan("telegram:-100");
        await Open().SaveAsync(saved, CancellationToken.None);

        var loaded = await Open().GetAsync("telegram:-100", CancellationToken.None);

        Assert.Equal(saved.ToJson(), loaded!.ToJson());
        var commitment = Assert.Single(loaded.Commitments);
        Assert.Equal(new Milestone("Prototype", new DateOnly(2027, 3, 31)), Assert.Single(commitment.Milestones));
        Assert.Equal(CompletionLevel.Substantial, commitment.Progress[0].Level);
        Assert.True(commitment.HasPartners);
        Assert.Null(await Open().GetAsync("telegram:-200", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Save_ReplacesThePlan_AndListAndDeleteSeeIt()
    {
        var store = Open();
        var plan = Plan("a");
        await store.SaveAsync(plan, CancellationToken.None);
        await store.SaveAsync(Plan("b", Now.AddDays(1)), CancellationToken.None);
        plan.Commitments[0].Level = CompletionLevel.Complete;
        await store.SaveAsync(plan, CancellationToken.None);

        await store.DeleteAsync("b", CancellationToken.None);

        var all = await Open().ListAsync(CancellationToken.None);
        Assert.Equal(["a"], all.Select(p => p.ConversationId));
        Assert.Equal(CompletionLevel.Complete, all[0].Commitments[0].Level);
        Assert.Null(await store.GetAsync("b", CancellationToken.None));
    }

    [SkippableFact]
    public async Task List_GivesEveryPlan_OldestFirst()
    {
        var store = Open();
        await store.SaveAsync(Plan("newest", Now.AddDays(2)), CancellationToken.None);
        await store.SaveAsync(Plan("oldest", Now), CancellationToken.None);
        await store.SaveAsync(Plan("middle", Now.AddDays(1)), CancellationToken.None);

        var all = await Open().ListAsync(CancellationToken.None);

        Assert.Equal(["oldest", "middle", "newest"], all.Select(p => p.ConversationId));
    }

    [SkippableFact]
    public async Task GroupMigratingToASupergroup_TakesItsPlanAlong()
    {
        var (plans, chats) = OpenWithChats();
        var saved = Plan("telegram:-100");
        await plans.SaveAsync(saved, CancellationToken.None);

        await chats.MigrateAsync("telegram:-100", "telegram:-1009", CancellationToken.None);

        var moved = await Open().GetAsync("telegram:-1009", CancellationToken.None);
        Assert.Equal("telegram:-1009", moved!.ConversationId);
        Assert.Equal(saved.Commitments[0].Id, Assert.Single(moved.Commitments).Id);
        Assert.Null(await Open().GetAsync("telegram:-100", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Move_KeepsAPlanTheNewIdAlreadyHas()
    {
        var store = Open();
        await store.SaveAsync(Plan("old"), CancellationToken.None);
        var existing = Plan("new");
        existing.Commitments[0].Title = "Juba olemas";
        await store.SaveAsync(existing, CancellationToken.None);

        await store.MoveAsync("old", "new", CancellationToken.None);

        Assert.Equal(existing.ToJson(), (await Open().GetAsync("new", CancellationToken.None))!.ToJson());
        Assert.Equal("old", (await Open().GetAsync("old", CancellationToken.None))!.ConversationId);
    }

    private static Plan Plan(string conversationId, DateTimeOffset? createdAt = null) => new()
    {
        ConversationId = conversationId,
        CreatedBy = "42",
        CreatedAt = createdAt ?? Now,
        UpdatedAt = createdAt ?? Now,
        Commitments =
        {
            new Commitment
            {
                Id = "abcd2345",
                Title = "Avatud eelarve",
                Problem = "Elanikud ei näe eelarvet",
                Action = "Portaal",
                Lead = "Mari Tamm",
                Partners = { "MTÜ Küla" },
                Milestones = { new Milestone("Prototype", new DateOnly(2027, 3, 31)) },
                Values = OgpValues.Transparency | OgpValues.Participation,
                Progress = { new ProgressReport(Now, CompletionLevel.Substantial, "42", "halfway") },
                CreatedAt = Now,
            },
        },
    };
}
