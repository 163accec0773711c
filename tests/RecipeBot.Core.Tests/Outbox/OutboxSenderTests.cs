using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Core.Tests.Outbox;

public sealed class OutboxSenderTests
{
    private readonly InMemoryConversationStore _store = new();
    private readonly RecordingChannel _channel = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private OutboxSender Sender(IChatDirectory? chats = null) =>
        new(_store, _channel, new OutboxSignal(), _time, NullLogger<OutboxSender>.Instance, chats);

    private static OutgoingMessage Message(string conversation, string text) => new(conversation, text, [], [], "s", "en");

    [Fact]
    public async Task ARow_LeavesTheOutboxOnlyAfterTheChannelConfirmedIt()
    {
        var confirm = new TaskCompletionSource<SendOutcome>();
        _channel.Answer = _ => confirm.Task;
        await _store.AddAsync([Message("test:1", "hello")], CancellationToken.None);

        var flush = Sender().FlushAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => _channel.Handed.Count == 1);
        var whileSending = _store.OutboxCount;
        confirm.SetResult(SendOutcome.Sent);
        await flush;

        Assert.Equal(1, whileSending);
        Assert.Equal(0, _store.OutboxCount);
    }

    [Fact]
    public async Task AFailedRow_StaysAndIsTriedAgainWhenItsTimeComes()
    {
        var attempts = 0;
        _channel.Answer = _ => Task.FromResult(++attempts == 1 ? SendOutcome.Failed : SendOutcome.Sent);
        await _store.AddAsync([Message("test:1", "hello")], CancellationToken.None);
        var sender = Sender();

        await sender.FlushAsync(CancellationToken.None);
        var afterFailure = _store.OutboxCount;
        await sender.FlushAsync(CancellationToken.None);
        var beforeItsTime = attempts;
        _time.Advance(TimeSpan.FromSeconds(3));
        await sender.FlushAsync(CancellationToken.None);

        Assert.Equal((1, 1), (afterFailure, beforeItsTime));
        Assert.Equal(2, attempts);
        Assert.Equal(0, _store.OutboxCount);
    }

    [Fact]
    public async Task ThrowingChannel_CountsAsAFailure_NotALoss()
    {
        _channel.Answer = _ => throw new HttpRequestException("connection refused");
        await _store.AddAsync([Message("test:1", "hello")], CancellationToken.None);

        await Sender().FlushAsync(CancellationToken.None);

        var row = Assert.Single(await _store.PendingAsync("test:", 0, 10, DateTimeOffset.MaxValue, CancellationToken.None));
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task OneConversationsRows_LeaveInOrder_OneAtATime_WhileConversationsRunInParallel()
    {
        var gates = new Dictionary<string, TaskCompletionSource<SendOutcome>>();
        _channel.Answer = m =>
        {
            lock (gates)
            {
                return (gates[m.Text] = new TaskCompletionSource<SendOutcome>()).Task;
            }
        };
        await _store.AddAsync([Message("test:a", "a1"), Message("test:b", "b1"), Message("test:a", "a2"), Message("test:a", "a3")], CancellationToken.None);

        var flush = Sender().FlushAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => _channel.Handed.Count == 2);
        var first = _channel.Handed.Select(m => m.Text).Order().ToList();
        foreach (var text in new[] { "a1", "b1", "a2", "a3" })
        {
            await Eventually.WaitUntilAsync(() => { lock (gates) { return gates.ContainsKey(text); } });
            lock (gates)
            {
                gates[text].SetResult(SendOutcome.Sent);
            }
        }

        await flush;

        Assert.Equal(["a1", "b1"], first);
        Assert.Equal(["a1", "a2", "a3"], _channel.Handed.Where(m => m.ConversationId == "test:a").Select(m => m.Text));
        Assert.Equal(0, _store.OutboxCount);
    }

    [Fact]
    public async Task AFailedRow_HoldsBackTheLaterRowsOfItsConversation_UntilItIsThrough_WhileOthersGoOn()
    {
        var failFirst = true;
        _channel.Answer = m => Task.FromResult(m.Text == "a1" && failFirst ? SendOutcome.Failed : SendOutcome.Sent);
        await _store.AddAsync([Message("test:a", "a1"), Message("test:a", "a2"), Message("test:b", "b1")], CancellationToken.None);
        var sender = Sender();

        await sender.FlushAsync(CancellationToken.None);
        var meanwhile = _channel.Handed.Select(m => m.Text).ToList();
        failFirst = false;
        _time.Advance(TimeSpan.FromSeconds(3));
        await sender.FlushAsync(CancellationToken.None);

        Assert.Equal(["a1", "b1"], meanwhile.Order());
        Assert.Equal(["a1", "a1", "a2"], _channel.Handed.Where(m => m.ConversationId == "test:a").Select(m => m.Text));
        Assert.Equal(0, _store.OutboxCount);
    }

    [Fact]
    public async Task ARowWaitingForItsRetry_StillHoldsBackItsConversation_AfterARestart()
    {
        await _store.AddAsync([Message("test:a", "a1"), Message("test:a", "a2")], CancellationToken.None);
        var first = (await _store.PendingAsync("test:", 0, 10, DateTimeOffset.MaxValue, CancellationToken.None))[0];
        await _store.RetryLaterAsync(first.Id, _time.GetUtcNow().AddSeconds(30), CancellationToken.None);
        var restarted = Sender();

        await restarted.FlushAsync(CancellationToken.None);
        var beforeItsTime = _channel.Handed.Count;
        _time.Advance(TimeSpan.FromSeconds(31));
        await restarted.FlushAsync(CancellationToken.None);

        Assert.Equal(0, beforeItsTime);
        Assert.Equal(["a1", "a2"], _channel.Handed.Select(m => m.Text));
    }

    [Fact]
    public async Task ARowTheChannelRejectsForGood_IsDropped_AndDoesNotHoldBackTheNext()
    {
        _channel.Answer = m => Task.FromResult(m.Text == "bad" ? SendOutcome.Rejected : SendOutcome.Sent);
        await _store.AddAsync([Message("test:a", "bad"), Message("test:a", "good")], CancellationToken.None);

        await Sender().FlushAsync(CancellationToken.None);

        Assert.Equal(["bad", "good"], _channel.Handed.Select(m => m.Text));
        Assert.Equal(0, _store.OutboxCount);
    }

    [Fact]
    public async Task AChatThatBlockedTheBot_IsMarkedInactive_AndItsRowIsDropped()
    {
        var chats = new RecordingDirectory();
        _channel.Answer = _ => Task.FromResult(SendOutcome.Blocked);
        await _store.AddAsync([Message("test:9", "hello")], CancellationToken.None);

        await Sender(chats).FlushAsync(CancellationToken.None);

        Assert.Equal(["test:9"], chats.Inactive);
        Assert.Equal(0, _store.OutboxCount);
    }

    [Fact]
    public async Task OtherChannelsRows_AreLeftAlone()
    {
        await _store.AddAsync([Message("teams:1", "hello"), Message("test:1", "hi")], CancellationToken.None);

        await Sender().FlushAsync(CancellationToken.None);

        Assert.Equal(["hi"], _channel.Handed.Select(m => m.Text));
        Assert.Equal("teams:1", Assert.Single(await _store.PendingAsync("", 0, 10, DateTimeOffset.MaxValue, CancellationToken.None)).Message.ConversationId);
    }

    [Fact]
    public async Task Running_SendsWhatATurnWrites_AssoonAsItIsSignalled()
    {
        var signal = new OutboxSignal();
        var sender = new OutboxSender(_store, _channel, signal, _time, NullLogger<OutboxSender>.Instance);
        using var stop = new CancellationTokenSource();
        var running = sender.RunAsync(stop.Token);

        await _store.SaveAsync(new Conversation("test:1", "en", "language", _time.GetUtcNow()), [Message("test:1", "reply")], CancellationToken.None);
        signal.Notify();
        await Eventually.WaitUntilAsync(() => _store.OutboxCount == 0);
        await stop.CancelAsync();
        await running;

        Assert.Equal("reply", Assert.Single(_channel.Handed).Text);
    }

    [Fact]
    public async Task Stopping_WaitsForWhatTheChannelHasInHand_SoAConfirmedMessageIsNotSentAgainAfterTheRestart()
    {
        var confirm = new TaskCompletionSource<SendOutcome>();
        _channel.Answer = _ => confirm.Task;
        await _store.AddAsync([Message("test:1", "in hand")], CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var running = Sender().RunAsync(stop.Token);
        await Eventually.WaitUntilAsync(() => _channel.Handed.Count == 1);

        await stop.CancelAsync();
        confirm.SetResult(SendOutcome.Sent);
        await running;

        Assert.Equal(0, _store.OutboxCount);
    }

    private sealed class RecordingDirectory : IChatDirectory
    {
        public List<string> Inactive { get; } = [];

        public ValueTask<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken) => ValueTask.FromResult(!Inactive.Contains(conversationId));

        public ValueTask SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken)
        {
            if (!active)
            {
                Inactive.Add(conversationId);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask MigrateAsync(string fromId, string toId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<string> ResolveAsync(string conversationId, CancellationToken cancellationToken) => ValueTask.FromResult(conversationId);
    }
}
