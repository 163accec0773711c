using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Engine;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Tests.Support;
using RecipeBot.Tests.Postgres;

namespace RecipeBot.Storage.Tests;

/// <summary>Two instances (two <see cref="PostgresDatabase"/>s of their own names) draining one outbox on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxClaimTests(PostgresServer server) : IDisposable
{
    private readonly PostgresTestDatabase _database = new(server);
    private readonly FakeTimeProvider _timeA = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeTimeProvider _timeB = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private PostgresConversationStore Instance(string name, TimeProvider time) => new(_database.OpenInstance(name, TimeSpan.FromSeconds(30)), time);

    private static OutgoingMessage Message(string conversationId, string text) => new(conversationId, text, [], [], "role", "et");

    [SkippableFact]
    public async Task TwoInstancesClaimingAtOnce_TakeEachRowOnce_AndEachConversationWhole()
    {
        var a = Instance("a", _timeA);
        var b = Instance("b", _timeB);
        await a.AddAsync([.. Enumerable.Range(1, 400).Select(i => Message("telegram:" + (i % 30), "m" + i))], CancellationToken.None);
        var claimed = new ConcurrentBag<(string Instance, string Conversation, long Id)>();

        // One batch: the rows claimed, and the cursor after them (null when nothing was left).
        async Task<long?> Claim(string name, PostgresConversationStore store, long cursor)
        {
            var items = await store.PendingAsync("telegram:", cursor, 9, DateTimeOffset.MaxValue, CancellationToken.None);
            foreach (var item in items)
            {
                claimed.Add((name, item.Message.ConversationId, item.Id));
            }

            return items.Count == 0 ? null : Math.Max(cursor, items.Max(i => i.Id));
        }

        async Task ClaimAll(string name, PostgresConversationStore store, long cursor)
        {
            while (await Claim(name, store, cursor) is { } next)
            {
                cursor = next;
            }
        }

        // Each takes a first batch before they race, so both hold rows whichever thread the pool starts first.
        var cursorA = await Claim("a", a, 0) ?? 0;
        var cursorB = await Claim("b", b, 0) ?? 0;
        await Task.WhenAll(Task.Run(() => ClaimAll("a", a, cursorA)), Task.Run(() => ClaimAll("b", b, cursorB)));

        Assert.Equal(400, claimed.Count);
        Assert.Equal(400, claimed.Select(c => c.Id).Distinct().Count());
        Assert.All(claimed.GroupBy(c => c.Conversation), conversation => Assert.Single(conversation.Select(c => c.Instance).Distinct()));
        Assert.Contains(claimed, c => c.Instance == "a");
        Assert.Contains(claimed, c => c.Instance == "b");
    }

    [SkippableFact]
    public async Task AConversationsLaterRows_WaitForItsEarlierOne_UntilItIsSentOrItsLeaseRunsOut()
    {
        var a = Instance("a", _timeA);
        var b = Instance("b", _timeB);
        await a.AddAsync([Message("telegram:x", "x1"), Message("telegram:y", "y1"), Message("telegram:x", "x2")], CancellationToken.None);

        var first = Assert.Single(await a.PendingAsync("telegram:", 0, 1, DateTimeOffset.MaxValue, CancellationToken.None));
        Assert.Equal("x1", first.Message.Text);
        Assert.Equal(["y1"], (await b.PendingAsync("telegram:", 0, 100, DateTimeOffset.MaxValue, CancellationToken.None)).Select(i => i.Message.Text));

        // a dies holding x1: after the lease b sends x1 and then x2, in order.
        _timeB.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(["x1", "y1", "x2"], (await b.PendingAsync("telegram:", 0, 100, DateTimeOffset.MaxValue, CancellationToken.None)).Select(i => i.Message.Text));
        Assert.Empty(await a.PendingAsync("telegram:", 0, 100, DateTimeOffset.MaxValue, CancellationToken.None));
    }
}
