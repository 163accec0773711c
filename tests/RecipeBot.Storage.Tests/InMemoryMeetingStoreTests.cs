using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;

namespace RecipeBot.Storage.Tests;

/// <summary>The reference implementation keeps the same contract as the SQLite store.</summary>
public sealed class InMemoryMeetingStoreTests : MeetingStoreContract
{
    protected override IMeetingStore Open() => new InMemoryMeetingStore();

    protected override (IMeetingStore Store, IOutboxStore Outbox) OpenWithOutbox()
    {
        var outbox = new InMemoryConversationStore();
        return (new InMemoryMeetingStore(outbox), outbox);
    }

    [Fact]
    public async Task WithoutAnOutbox_QueueingFails_AndLeavesTheKeyPending()
    {
        var store = Open();
        await store.TryClaimAsync("k", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.QueueAsync("k", NotificationStatus.Sent, Now, new OutgoingMessage("test:1", "Reminder", [], [], "s", "en"), CancellationToken.None).AsTask());

        Assert.Equal("This meeting store has no outbox to queue reminders in.", error.Message);
        Assert.Equal(NotificationStatus.Pending, await store.GetStatusAsync("k", CancellationToken.None));
    }
}
