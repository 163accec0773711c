using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>The notification ledger of every <see cref="IMeetingStore"/>: claims, take-overs, completion, queueing into the outbox.</summary>
public abstract partial class MeetingStoreContract
{
    [SkippableFact]
    public async Task TheFirstClaimWins_AndASecondChangesNothing()
    {
        var store = Open();
        var due = Now.AddHours(1);

        var first = await store.TryClaimAsync("m1/20261208T1600Z/lead-1h", "worker-a", due, NotificationStatus.Pending, Now, CancellationToken.None);
        var second = await store.TryClaimAsync("m1/20261208T1600Z/lead-1h", "worker-b", due.AddDays(1), NotificationStatus.Sent, Now.AddMinutes(1), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(NotificationStatus.Pending, await store.GetStatusAsync("m1/20261208T1600Z/lead-1h", CancellationToken.None));
        Assert.Equal(
            new LedgerEntry("m1/20261208T1600Z/lead-1h", "worker-a", due, NotificationStatus.Pending, Now),
            Assert.Single(await store.ListPendingAsync(CancellationToken.None)));
    }

    [SkippableFact]
    public async Task APendingClaim_IsTakenOverByItsOwnerOrOnceStale_AndOnlyOnce()
    {
        var store = Open();
        const string key = "m1/20261208T1600Z/lead-1h";
        await store.TryClaimAsync(key, "worker-a", Now, NotificationStatus.Pending, Now, CancellationToken.None);

        // Fresh and someone else's: not taken over.
        Assert.False(await store.TryTakeOverAsync(key, "worker-b", Now.AddMinutes(-1), Now.AddMinutes(1), CancellationToken.None));
        // Its own owner may (a failed send tried again).
        Assert.True(await store.TryTakeOverAsync(key, "worker-a", Now.AddMinutes(-1), Now.AddMinutes(2), CancellationToken.None));
        // Stale: of two takers one wins.
        var staleBefore = Now.AddMinutes(30);
        var b = await store.TryTakeOverAsync(key, "worker-b", staleBefore, Now.AddMinutes(31), CancellationToken.None);
        var c = await store.TryTakeOverAsync(key, "worker-c", staleBefore, Now.AddMinutes(31), CancellationToken.None);
        Assert.True(b);
        Assert.False(c);
        Assert.Equal("worker-b", Assert.Single(await store.ListPendingAsync(CancellationToken.None)).OwnerId);

        // Settled claims and unknown keys are never taken over.
        await store.CompleteAsync(key, NotificationStatus.Sent, Now.AddMinutes(32), CancellationToken.None);
        Assert.False(await store.TryTakeOverAsync(key, "worker-b", Now.AddDays(1), Now.AddDays(1), CancellationToken.None));
        Assert.False(await store.TryTakeOverAsync("nothing/here/lead-1h", "worker-b", Now.AddDays(1), Now.AddDays(1), CancellationToken.None));
    }

    [SkippableFact]
    public async Task CompletingAClaim_RecordsItsStatus_AndPendingListsOnlyPendingOldestFirst()
    {
        var store = Open();
        await store.TryClaimAsync("newer", "w", Now, NotificationStatus.Pending, Now.AddMinutes(5), CancellationToken.None);
        await store.TryClaimAsync("sent", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);
        await store.TryClaimAsync("older", "w", Now, NotificationStatus.Pending, Now.AddMinutes(1), CancellationToken.None);
        await store.TryClaimAsync("marker", "w", Now, NotificationStatus.Done, Now, CancellationToken.None);

        await store.CompleteAsync("sent", NotificationStatus.SentLate, Now.AddMinutes(2), CancellationToken.None);
        await store.CompleteAsync("never-claimed", NotificationStatus.Sent, Now, CancellationToken.None);

        Assert.Equal(NotificationStatus.SentLate, await store.GetStatusAsync("sent", CancellationToken.None));
        // Settled already (a peer took the claim over and queued it): a late completion changes nothing.
        await store.CompleteAsync("sent", NotificationStatus.Skipped, Now.AddMinutes(3), CancellationToken.None);
        Assert.Equal(NotificationStatus.SentLate, await store.GetStatusAsync("sent", CancellationToken.None));
        Assert.Equal(NotificationStatus.Done, await store.GetStatusAsync("marker", CancellationToken.None));
        Assert.Null(await store.GetStatusAsync("never-claimed", CancellationToken.None));
        Assert.Equal(["older", "newer"], (await store.ListPendingAsync(CancellationToken.None)).Select(e => e.Key));
    }

    [SkippableFact]
    public async Task QueueingAPendingKey_CompletesIt_AndWritesItsMessageToTheOutbox()
    {
        var (store, outbox) = OpenWithOutbox();
        await store.TryClaimAsync("m1/20261208T1600Z/lead-1h", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);
        var reminder = new OutgoingMessage("telegram:-42", "🔔 Working group meets in an hour.", [], [], "meetings/reminder", "et") { Proactive = true };

        var queued = await store.QueueAsync("m1/20261208T1600Z/lead-1h", NotificationStatus.SentLate, Now.AddMinutes(3), reminder, CancellationToken.None);

        Assert.True(queued);
        Assert.Equal(NotificationStatus.SentLate, await store.GetStatusAsync("m1/20261208T1600Z/lead-1h", CancellationToken.None));
        Assert.Empty(await store.ListPendingAsync(CancellationToken.None));
        var row = Assert.Single(await outbox.PendingAsync("telegram:", 0, 10, Now.AddMinutes(3), CancellationToken.None));
        Assert.Equal((reminder.ConversationId, reminder.Text, true, 0), (row.Message.ConversationId, row.Message.Text, row.Message.Proactive, row.Attempts));
    }

    [SkippableFact]
    public async Task QueueingAKeyThatIsNotPending_WritesNothing()
    {
        var (store, outbox) = OpenWithOutbox();
        await store.TryClaimAsync("settled", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);
        await store.CompleteAsync("settled", NotificationStatus.Skipped, Now, CancellationToken.None);
        var reminder = new OutgoingMessage("telegram:-42", "Reminder", [], [], "meetings/reminder", "et");

        Assert.False(await store.QueueAsync("settled", NotificationStatus.Sent, Now, reminder, CancellationToken.None));
        Assert.False(await store.QueueAsync("never-claimed", NotificationStatus.Sent, Now, reminder, CancellationToken.None));

        Assert.Equal(NotificationStatus.Skipped, await store.GetStatusAsync("settled", CancellationToken.None));
        Assert.Null(await store.GetStatusAsync("never-claimed", CancellationToken.None));
        Assert.Empty(await outbox.PendingAsync(string.Empty, 0, 10, DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [SkippableFact]
    public async Task EveryNotificationStatus_RoundTrips()
    {
        var store = Open();
        foreach (var status in Enum.GetValues<NotificationStatus>())
        {
            await store.TryClaimAsync("k-" + status, "w", Now, status, Now, CancellationToken.None);
        }

        foreach (var status in Enum.GetValues<NotificationStatus>())
        {
            Assert.Equal(status, await store.GetStatusAsync("k-" + status, CancellationToken.None));
        }
    }

    [SkippableFact]
    public async Task TwoInstances_RacingForTheSameKeys_ClaimEachKeyExactlyOnce()
    {
        IMeetingStore[] instances = [Open(), Open()];

        // 200 claims of 50 keys, each key tried twice by each instance, all at once.
        var claims = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var key = $"m{i / 4}/20261208T1600Z/lead-1h";
            var owner = $"instance-{i % 2}/claim-{i}";
            var won = await instances[i % 2].TryClaimAsync(key, owner, Now, NotificationStatus.Pending, Now, CancellationToken.None);
            return (Key: key, Owner: owner, Won: won);
        })));

        var winners = claims.Where(c => c.Won).ToDictionary(c => c.Key, c => c.Owner);
        Assert.Equal(50, claims.Select(c => c.Key).Distinct().Count());
        Assert.All(claims.GroupBy(c => c.Key), g => Assert.Single(g, c => c.Won));
        var ledger = await instances[0].ListPendingAsync(CancellationToken.None);
        Assert.Equal(50, ledger.Count);
        Assert.All(ledger, entry => Assert.Equal(winners[entry.Key], entry.OwnerId));
    }
}
