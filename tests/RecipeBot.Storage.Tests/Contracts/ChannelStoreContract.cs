using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every channel store (chat directory, cursors, inbox) does; one subclass per implementation runs it.</summary>
public abstract class ChannelStoreContract
{
    /// <summary>The stores over this test's storage, wired as the host wires them.</summary>
    protected abstract (IConversationStore Conversations, IChatDirectory Chats, ICursorStore Cursors, IInboxStore Inbox, IMeetingStore Meetings) OpenWithMeetings();

    private (IConversationStore Conversations, IChatDirectory Chats, ICursorStore Cursors, IInboxStore Inbox) Open()
    {
        var (conversations, chats, cursors, inbox, _) = OpenWithMeetings();
        return (conversations, chats, cursors, inbox);
    }

    [SkippableFact]
    public async Task TheInbox_KeepsEachDeliveryOnce_InOrder_UntilCompleted()
    {
        var (_, _, _, inbox) = Open();

        var added = await inbox.AddAsync("telegram", [new(12, "telegram:1", "b"), new(11, "telegram:2", "a")], CancellationToken.None);
        var again = await inbox.AddAsync("telegram", [new(11, "telegram:2", "a"), new(13, "telegram:1", "c")], CancellationToken.None);
        var pending = await inbox.PendingAsync("telegram", long.MinValue, 10, CancellationToken.None);
        await inbox.CompleteAsync("telegram", [11, 12], CancellationToken.None);
        var left = await inbox.PendingAsync("telegram", long.MinValue, 10, CancellationToken.None);

        Assert.Equal(2, added);
        Assert.Equal(1, again);
        Assert.Equal([11L, 12L, 13L], pending.Select(i => i.Sequence));
        Assert.Equal(["a", "b", "c"], pending.Select(i => i.Payload));
        Assert.Equal("telegram:2", pending[0].Partition);
        Assert.Equal(13, Assert.Single(left).Sequence);
        Assert.Empty(await inbox.PendingAsync("teams", long.MinValue, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task AFailedDelivery_CountsItsAttempts()
    {
        var (_, _, _, inbox) = Open();
        await inbox.AddAsync("telegram", [new(5, "telegram:1", "x")], CancellationToken.None);

        Assert.Equal(1, await inbox.FailAsync("telegram", 5, CancellationToken.None));
        Assert.Equal(2, await inbox.FailAsync("telegram", 5, CancellationToken.None));
        Assert.Equal(2, Assert.Single(await inbox.PendingAsync("telegram", long.MinValue, 10, CancellationToken.None)).Attempts);
    }

    [SkippableFact]
    public async Task ACursor_IsNullUntilSet_ThenKeepsTheLastValue()
    {
        var (_, _, cursors, _) = Open();

        Assert.Null(await cursors.GetAsync("telegram:offset", CancellationToken.None));
        await cursors.SetAsync("telegram:offset", 100, CancellationToken.None);
        await cursors.SetAsync("telegram:offset", 9_000_000_001, CancellationToken.None);

        Assert.Equal(9_000_000_001, await cursors.GetAsync("telegram:offset", CancellationToken.None));
    }

    [SkippableFact]
    public async Task AChat_IsActiveUntilItBlocksTheBot_AndAgainWhenItWrites()
    {
        var (_, chats, _, _) = Open();

        Assert.True(await chats.IsActiveAsync("telegram:42", CancellationToken.None));
        await chats.SetActiveAsync("telegram:42", false, CancellationToken.None);
        Assert.False(await chats.IsActiveAsync("telegram:42", CancellationToken.None));
        await chats.SetActiveAsync("telegram:42", true, CancellationToken.None);
        Assert.True(await chats.IsActiveAsync("telegram:42", CancellationToken.None));
    }

    [SkippableFact]
    public async Task AnErasedChat_ReadsAsNeverMarked_EvenRightAfterItsStatusWasRead()
    {
        var (_, chats, _, _) = Open();
        await chats.SetActiveAsync("telegram:43", false, CancellationToken.None);
        Assert.False(await chats.IsActiveAsync("telegram:43", CancellationToken.None));

        await ((RecipeBot.Core.Privacy.IPersonalDataSource)chats).EraseAsync(new("telegram:43"), CancellationToken.None);

        Assert.True(await chats.IsActiveAsync("telegram:43", CancellationToken.None));
    }

    [SkippableFact]
    public async Task AChatMarkedInactive_HasItsActiveMeetingsPaused_AndNoOtherChats()
    {
        var (_, chats, _, _, meetings) = OpenWithMeetings();
        var schedule = new MeetingSchedule("FREQ=WEEKLY;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(2026, 11, 23));
        await meetings.SaveAsync(new Meeting("m1", "telegram:42", "7", schedule, MeetingStatus.Active, "et", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await meetings.SaveAsync(new Meeting("m2", "telegram:42", "7", schedule, MeetingStatus.Cancelled, "et", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await meetings.SaveAsync(new Meeting("m3", "telegram:43", "8", schedule, MeetingStatus.Active, "et", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);

        await chats.SetActiveAsync("telegram:42", true, CancellationToken.None);
        Assert.Equal(MeetingStatus.Active, (await meetings.GetAsync("m1", CancellationToken.None))!.Status);
        await chats.SetActiveAsync("telegram:42", false, CancellationToken.None);

        Assert.Equal(MeetingStatus.Paused, (await meetings.GetAsync("m1", CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Cancelled, (await meetings.GetAsync("m2", CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Active, (await meetings.GetAsync("m3", CancellationToken.None))!.Status);
    }

    [SkippableFact]
    public async Task AMigratedGroup_ResolvesToItsNewId_AndItsConversationMoves()
    {
        var (conversations, chats, _, _) = Open();
        await conversations.SaveAsync(new Conversation("telegram:-42", "et", "contact", DateTimeOffset.UnixEpoch) { Role = "coordinator" }, [], CancellationToken.None);

        await chats.MigrateAsync("telegram:-42", "telegram:-1001234567890", CancellationToken.None);

        Assert.Equal("telegram:-1001234567890", await chats.ResolveAsync("telegram:-42", CancellationToken.None));
        Assert.Equal("telegram:7", await chats.ResolveAsync("telegram:7", CancellationToken.None));
        Assert.Null(await conversations.LoadAsync("telegram:-42", CancellationToken.None));
        var moved = await conversations.LoadAsync("telegram:-1001234567890", CancellationToken.None);
        Assert.Equal("contact", moved!.State);
        Assert.Equal("coordinator", moved.Role);
    }

    [SkippableFact]
    public async Task AMigratedGroup_TakesItsMeetingsAlong()
    {
        var (_, chats, _, _, meetings) = OpenWithMeetings();
        var schedule = new MeetingSchedule("FREQ=WEEKLY;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(2026, 11, 23));
        await meetings.SaveAsync(new Meeting("m1", "telegram:-42", "7", schedule, MeetingStatus.Active, "et", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);

        await chats.MigrateAsync("telegram:-42", "telegram:-1001234567890", CancellationToken.None);

        Assert.Empty(await meetings.ListAsync("telegram:-42", CancellationToken.None));
        Assert.Equal("m1", Assert.Single(await meetings.ListAsync("telegram:-1001234567890", CancellationToken.None)).Id);
    }
}
