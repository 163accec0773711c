using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Tests;
using RecipeBot.Storage.Memory;

namespace RecipeBot.Storage.Tests;

public sealed class InboxDispatcherTests : IAsyncDisposable
{
    private readonly InMemoryChannelStore _store = new(new InMemoryConversationStore());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _handled = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _gates = new();
    private Task? _running;
    private InboxDispatcher _dispatcher = null!;

    private IInboxStore Inbox => _store;

    public async ValueTask DisposeAsync()
    {
        foreach (var gate in _gates.Values)
        {
            gate.TrySetResult(true);
        }

        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        _stop.Dispose();
    }

    /// <summary>Payloads named here wait for the test (and take its answer); the others are handled at once.</summary>
    private void Start(params string[] gated)
    {
        foreach (var payload in gated)
        {
            _gates[payload] = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _dispatcher = new InboxDispatcher(Inbox, "telegram", HandleAsync, workers: 8, _time, NullLogger.Instance);
        _running = _dispatcher.RunAsync(_stop.Token);
    }

    private async Task<bool> HandleAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var handled = true;
        if (_gates.TryGetValue(item.Payload, out var gate))
        {
            // A gate answers once: a retry of the same delivery is handled at once.
            handled = await gate.Task.WaitAsync(cancellationToken);
            _gates.TryRemove(item.Payload, out _);
        }

        if (handled)
        {
            _handled.Enqueue(item.Payload);
        }

        return handled;
    }

    private async Task AddAsync(params (long Sequence, string Chat, string Payload)[] items)
    {
        await Inbox.AddAsync("telegram", [.. items.Select(i => new InboxItem(i.Sequence, i.Chat, i.Payload))], CancellationToken.None);
        _dispatcher?.Signal(items.Min(i => i.Sequence));
    }

    private List<string> Handled(string prefix) => [.. _handled.Where(p => p.StartsWith(prefix, StringComparison.Ordinal))];

    [Fact]
    public async Task ANewDelivery_StartsAsSoonAsItsChatIsFree_WhileAnotherChatIsBusy()
    {
        await AddAsync((1, "a", "a1"), (2, "b", "b1"));
        Start("a1");
        await Eventually.WaitUntilAsync(() => Handled("b").Count == 1);

        await AddAsync((3, "b", "b2"), (4, "a", "a2"));
        await Eventually.WaitUntilAsync(() => Handled("b").Count == 2);
        var aWhileBusy = Handled("a");
        _gates["a1"].SetResult(true);
        await Eventually.WaitUntilAsync(() => Handled("a").Count == 2);

        Assert.Empty(aWhileBusy);
        Assert.Equal(["a1", "a2"], Handled("a"));
        Assert.Equal(["b1", "b2"], Handled("b"));
    }

    [Fact]
    public async Task ADeliveryStoredBehindOnesAlreadyRead_IsStillHandled()
    {
        Start();
        await AddAsync((5, "a", "a5"));
        await Eventually.WaitUntilAsync(() => _handled.Count == 1);

        // Two webhook posts stored side by side: the earlier update lands after the later one was read.
        await AddAsync((3, "b", "b3"));

        await Eventually.WaitUntilAsync(() => _handled.Count == 2);
        Assert.Equal(["a5", "b3"], _handled);
    }

    [Fact]
    public async Task HandledDeliveries_LeaveTheInbox()
    {
        await AddAsync((1, "a", "a1"), (2, "a", "a2"), (3, "b", "b1"));
        Start();

        await Eventually.WaitUntilAsync(() => Inbox.PendingAsync("telegram", long.MinValue, 10, CancellationToken.None).AsTask().Result.Count == 0);

        Assert.Equal(3, _handled.Count);
    }

    [Fact]
    public async Task AFailedDelivery_HoldsBackItsChatsLaterOnes_UntilItsRetry_AndOtherChatsGoOn()
    {
        await AddAsync((1, "a", "a1"), (2, "a", "a2"), (3, "b", "b1"));
        Start("a1");
        _gates["a1"].SetResult(false);
        await Eventually.WaitUntilAsync(() => Handled("b").Count == 1);
        await AddAsync((4, "a", "a3"));
        _dispatcher.Signal();
        var beforeTheRetry = Handled("a");

        _time.Advance(TimeSpan.FromSeconds(2));
        _dispatcher.Signal();
        await Eventually.WaitUntilAsync(() => Handled("a").Count == 3);

        Assert.Empty(beforeTheRetry);
        Assert.Equal(["a1", "a2", "a3"], Handled("a"));
    }

    [Fact]
    public async Task TwoChatsHeldTillDifferentTimes_AreBothTakenUpAgain_TheLaterOneToo()
    {
        await AddAsync((1, "a", "a1"), (2, "b", "b1"));
        Start("a1", "b1");
        _gates["a1"].SetResult(false);
        await Eventually.WaitUntilAsync(() => !_gates.ContainsKey("a1"));

        // b fails half a second later, so its hold ends half a second after a's.
        _time.Advance(TimeSpan.FromMilliseconds(500));
        _gates["b1"].SetResult(false);
        await Eventually.WaitUntilAsync(() => !_gates.ContainsKey("b1"));

        // a's retry is due: the rescan for it reads b1 too, still held, and passes it over.
        _time.Advance(TimeSpan.FromMilliseconds(600));
        _dispatcher.Signal();
        await Eventually.WaitUntilAsync(() => Handled("a").Count == 1);
        Assert.Empty(Handled("b"));

        // b's hold is over: it is read again without anything else failing.
        _time.Advance(TimeSpan.FromSeconds(1));
        _dispatcher.Signal();
        await Eventually.WaitUntilAsync(() => Handled("b").Count == 1);
        Assert.Equal(["a1", "b1"], _handled);
    }
}
