using RecipeBot.Core.Conversations;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>Listing conversations inactive since a time, page by page, as the retention job does.</summary>
public abstract partial class ConversationStoreContract
{
    [SkippableFact]
    public async Task InactiveConversations_ComeInPages_OldestFirst_TiesByIdInByteOrder_AndNoneTwice()
    {
        var store = Open();
        var t = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        // "B" sorts before "a" in byte order; two conversations share an instant written in different offsets.
        (string Id, DateTimeOffset UpdatedAt)[] rows =
        [
            ("telegram:a", t.ToOffset(TimeSpan.FromHours(3))),
            ("telegram:B", t),
            ("telegram:c", t.AddMinutes(-30)),
            ("telegram:d", t.AddMinutes(5)),
            ("telegram:e", t.AddMinutes(6)),
            ("telegram:recent", t.AddDays(30)),
        ];
        foreach (var (id, updatedAt) in rows)
        {
            await store.SaveAsync(new Conversation(id, "et", "role", t.AddDays(-100)) { UpdatedAt = updatedAt }, [], CancellationToken.None);
        }

        var before = t.AddDays(1);
        var pages = new List<IReadOnlyList<ConversationActivity>>();
        ConversationActivity? after = null;
        for (var guard = 0; guard < 10; guard++)
        {
            // Each page from a store opened anew, as a job resuming after a restart would.
            var page = await Open().ListInactiveAsync(before, after, 2, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            after = page[^1];
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        var listed = pages.SelectMany(p => p).ToList();
        Assert.Equal(["telegram:c", "telegram:B", "telegram:a", "telegram:d", "telegram:e"], listed.Select(a => a.Id));
        Assert.Equal([t.AddMinutes(-30), t, t, t.AddMinutes(5), t.AddMinutes(6)], listed.Select(a => a.UpdatedAt));
    }

    [SkippableFact]
    public async Task NothingIsInactive_BeforeTheOldestUpdate()
    {
        var store = Open();
        var t = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await store.SaveAsync(new Conversation("telegram:1", "et", "role", t) { UpdatedAt = t }, [], CancellationToken.None);

        Assert.Empty(await store.ListInactiveAsync(t, null, 10, CancellationToken.None));
        Assert.Equal(["telegram:1"], (await store.ListInactiveAsync(t.AddTicks(TimeSpan.TicksPerSecond), null, 10, CancellationToken.None)).Select(a => a.Id));
    }
}
