using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Tests;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

/// <summary>Two instances (two <see cref="PostgresDatabase"/>s of their own names) sharing one inbox on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxClaimTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly PostgresTestDatabase _database = new(server);
    private readonly FakeTimeProvider _timeA = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeTimeProvider _timeB = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private PostgresChannelStore Instance(string name, TimeProvider time)
    {
        var database = _database.OpenInstance(name, Lease);
        return new PostgresChannelStore(database, new PostgresConversationStore(database), time);
    }

    private static InboxItem[] Deliveries(int count, int chats) =>
        [.. Enumerable.Range(1, count).Select(i => new InboxItem(i, "chat" + (i % chats), "u" + i))];

    [SkippableFact]
    public async Task TwoInstancesClaimingAtOnce_TakeEachDeliveryOnce_AndEachChatWhole()
    {
        var a = Instance("a", _timeA);
        var b = Instance("b", _timeB);
        await a.AddAsync("telegram", Deliveries(600, 40), CancellationToken.None);
        var claimed = new ConcurrentBag<(string Instance, InboxItem Item)>();

        // One small read, as the dispatcher reads after its cursor: the cursor after it (null when nothing was left).
        async Task<long?> Claim(string name, PostgresChannelStore store, long cursor)
        {
            var items = await store.PendingAsync("telegram", cursor, 7, CancellationToken.None);
            foreach (var item in items)
            {
                claimed.Add((name, item));
            }

            return items.Count == 0 ? null : Math.Max(cursor, items.Max(i => i.Sequence));
        }

        async Task ClaimAll(string name, PostgresChannelStore store, long cursor)
        {
            while (await Claim(name, store, cursor) is { } next)
            {
                cursor = next;
            }
        }

        // Each takes a first read before they race, so both hold chats whichever thread the pool starts first.
        var cursorA = await Claim("a", a, long.MinValue) ?? long.MinValue;
        var cursorB = await Claim("b", b, long.MinValue) ?? long.MinValue;
        await Task.WhenAll(Task.Run(() => ClaimAll("a", a, cursorA)), Task.Run(() => ClaimAll("b", b, cursorB)));

        Assert.Equal(Enumerable.Range(1, 600).Select(i => (long)i), claimed.Select(c => c.Item.Sequence).Order());
        // Nothing was completed, so a chat one instance started is not touched by the other.
        Assert.All(claimed.GroupBy(c => c.Item.Partition), chat => Assert.Single(chat.Select(c => c.Instance).Distinct()));
        Assert.Contains(claimed, c => c.Instance == "a");
        Assert.Contains(claimed, c => c.Instance == "b");
    }

    [SkippableFact]
    public async Task AnInstance_HoldsAtMostItsShareInHand_LeavingTheRestOfABurstToTheOthers()
    {
        var a = Instance("a", _timeA);
        var b = Instance("b", _timeB);
        await a.AddAsync("telegram", Deliveries(1200, 1200), CancellationToken.None);

        var first = await a.PendingAsync("telegram", long.MinValue, 1000, CancellationToken.None);
        Assert.Equal(PostgresClaims.MaxInHand, first.Count);
        var cursor = first.Max(i => i.Sequence);
        Assert.Empty(await a.PendingAsync("telegram", cursor, 1000, CancellationToken.None));
        Assert.Equal(PostgresClaims.MaxInHand, (await b.PendingAsync("telegram", long.MinValue, 1000, CancellationToken.None)).Count);

        // Done with 100, it may take 100 more; read from the start again (a rewind) it gets back what it holds.
        await a.CompleteAsync("telegram", [.. first.Take(100).Select(i => i.Sequence)], CancellationToken.None);
        Assert.Equal(100, (await a.PendingAsync("telegram", cursor, 1000, CancellationToken.None)).Count);
        Assert.Equal(first.Skip(100).Select(i => i.Sequence), (await a.PendingAsync("telegram", long.MinValue, 412, CancellationToken.None)).Select(i => i.Sequence));
    }

    [SkippableFact]
    public async Task AChatsLaterDeliveries_WaitWhileAnotherInstanceHoldsAnEarlierOne()
    {
        var a = Instance("a", _timeA);
        var b = Instance("b", _timeB);
        await a.AddAsync("telegram", [new InboxItem(1, "x", "x1"), new InboxItem(2, "y", "y1"), new InboxItem(3, "x", "x2"), new InboxItem(4, "x", "x3")], CancellationToken.None);

        Assert.Equal(["x1"], (await a.PendingAsync("telegram", long.MinValue, 1, CancellationToken.None)).Select(i => i.Payload));
        Assert.Equal(["y1"], (await b.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None)).Select(i => i.Payload));

        await a.CompleteAsync("telegram", [1], CancellationToken.None);

        // Its earlier delivery done, the chat is free for any instance, in order.
        Assert.Equal(["x2", "x3"], (await b.PendingAsync("telegram", 2, 100, CancellationToken.None)).Select(i => i.Payload));
        Assert.Empty(await a.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ADeadInstancesDeliveries_AreTakenOverAfterTheLease_ARenewedClaimIsNot()
    {
        var a = Instance("a", _timeA);
        var b = Instance("b", _timeB);
        await a.AddAsync("telegram", [new InboxItem(1, "x", "x1"), new InboxItem(2, "y", "y1")], CancellationToken.None);
        Assert.Equal(2, (await a.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None)).Count);

        // a is alive: reading again past half its lease renews what it holds.
        _timeA.Advance(TimeSpan.FromSeconds(20));
        Assert.Empty(await a.PendingAsync("telegram", 2, 100, CancellationToken.None));
        _timeB.Advance(TimeSpan.FromSeconds(35));
        Assert.Empty(await b.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None));

        // a dies: once its renewed lease runs out, b takes everything it held, also behind b's cursor.
        _timeB.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(["x1", "y1"], (await b.PendingAsync("telegram", 5, 100, CancellationToken.None)).Select(i => i.Payload));
        Assert.Empty(await a.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task AStoppedInstance_GivesItsClaimsBack_AtOnce()
    {
        var a = Instance("a", _timeA);
        var b = Instance("b", _timeB);
        await a.AddAsync("telegram", [new InboxItem(1, "x", "x1")], CancellationToken.None);
        Assert.Single(await a.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None));
        Assert.Empty(await b.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None));

        await _database.OpenInstance("a", Lease).DisposeAsync();

        Assert.Equal(["x1"], (await b.PendingAsync("telegram", long.MinValue, 100, CancellationToken.None)).Select(i => i.Payload));
    }

    [SkippableFact]
    public async Task TwoDispatchers_OnTwoInstances_HandleEveryDeliveryOnce_EachChatInOrder()
    {
        var a = Instance("a", TimeProvider.System);
        var b = Instance("b", TimeProvider.System);
        var handled = new ConcurrentQueue<(string Instance, InboxItem Item)>();
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        InboxDispatcher Dispatcher(string name, IInboxStore store) => new(
            store,
            "telegram",
            async (item, token) =>
            {
                if (name == "a")
                {
                    // a holds its first read until b has served a chat of its own: both instances take part.
                    aStarted.TrySetResult();
                    await bHandled.Task.WaitAsync(token);
                }

                handled.Enqueue((name, item));
                if (name == "b")
                {
                    bHandled.TrySetResult();
                }

                return true;
            },
            workers: 8,
            TimeProvider.System,
            NullLogger.Instance);

        // a reads a little at a time, so its first read leaves chats for b.
        await a.AddAsync("telegram", Deliveries(1200, 100), CancellationToken.None);
        var runA = Dispatcher("a", new SmallReads(a)).RunAsync(stop.Token);
        await aStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var runB = Dispatcher("b", b).RunAsync(stop.Token);

        await Eventually.WaitUntilAsync(() => handled.Count >= 1200);
        await stop.CancelAsync();
        await Task.WhenAll(runA, runB);

        var all = handled.ToList();
        Assert.Equal(Enumerable.Range(1, 1200).Select(i => (long)i), all.Select(h => h.Item.Sequence).Order());
        // Handled in the inbox's order within each chat, across both instances.
        Assert.All(all.GroupBy(h => h.Item.Partition), chat => Assert.Equal(chat.Select(h => h.Item.Sequence).Order(), chat.Select(h => h.Item.Sequence)));
        Assert.Contains(all, h => h.Instance == "a");
        Assert.Contains(all, h => h.Instance == "b");
    }

    /// <summary>An instance that claims at most 40 deliveries a read.</summary>
    private sealed class SmallReads(IInboxStore inner) : IInboxStore
    {
        public ValueTask<int> AddAsync(string channel, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken) => inner.AddAsync(channel, items, cancellationToken);

        public ValueTask<IReadOnlyList<InboxItem>> PendingAsync(string channel, long afterSequence, int max, CancellationToken cancellationToken) =>
            inner.PendingAsync(channel, afterSequence, Math.Min(max, 40), cancellationToken);

        public ValueTask CompleteAsync(string channel, IReadOnlyList<long> sequences, CancellationToken cancellationToken) => inner.CompleteAsync(channel, sequences, cancellationToken);

        public ValueTask<int> FailAsync(string channel, long sequence, CancellationToken cancellationToken) => inner.FailAsync(channel, sequence, cancellationToken);
    }
}
