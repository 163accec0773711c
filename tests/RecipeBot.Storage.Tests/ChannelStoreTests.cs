using Microsoft.Extensions.Time.Testing;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage.Tests;

/// <summary>The same contract for the SQLite and the in-memory channel store.</summary>
public sealed class ChannelStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-channels-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    public static TheoryData<string> Providers => ["sqlite", "memory"];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    private (IConversationStore Conversations, IChatDirectory Chats, ICursorStore Cursors, IInboxStore Inbox) Open(string provider)
    {
        var (conversations, chats, cursors, inbox, _) = OpenWithMeetings(provider);
        return (conversations, chats, cursors, inbox);
    }

    private (IConversationStore Conversations, IChatDirectory Chats, ICursorStore Cursors, IInboxStore Inbox, IMeetingStore Meetings) OpenWithMeetings(string provider)
    {
        if (provider == "memory")
        {
            var memory = new InMemoryConversationStore();
            var meetings = new InMemoryMeetingStore(memory);
            var store = new InMemoryChannelStore(memory, meetings, new FakeTimeProvider());
            return (memory, store, store, store, meetings);
        }

        var database = new SqliteDatabase(Path.Combine(_directory, "bot.db"));
        _databases.Add(database);
        var conversations = new SqliteConversationStore(database);
        var sqliteMeetings = new SqliteMeetingStore(database);
        var channels = new SqliteChannelStore(database, conversations, new FakeTimeProvider(), sqliteMeetings);
        return (conversations, channels, channels, channels, sqliteMeetings);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheInbox_KeepsEachDeliveryOnce_InOrder_UntilCompleted(string provider)
    {
        var (_, _, _, inbox) = Open(provider);

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

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AFailedDelivery_CountsItsAttempts(string provider)
    {
        var (_, _, _, inbox) = Open(provider);
        await inbox.AddAsync("telegram", [new(5, "telegram:1", "x")], CancellationToken.None);

        Assert.Equal(1, await inbox.FailAsync("telegram", 5, CancellationToken.None));
        Assert.Equal(2, await inbox.FailAsync("telegram", 5, CancellationToken.None));
        Assert.Equal(2, Assert.Single(await inbox.PendingAsync("telegram", long.MinValue, 10, CancellationToken.None)).Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ACursor_IsNullUntilSet_ThenKeepsTheLastValue(string provider)
    {
        var (_, _, cursors, _) = Open(provider);

        Assert.Null(await cursors.GetAsync("telegram:offset", CancellationToken.None));
        await cursors.SetAsync("telegram:offset", 100, CancellationToken.None);
        await cursors.SetAsync("telegram:offset", 9_000_000_001, CancellationToken.None);

        Assert.Equal(9_000_000_001, await cursors.GetAsync("telegram:offset", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AChat_IsActiveUntilItBlocksTheBot_AndAgainWhenItWrites(string provider)
    {
        var (_, chats, _, _) = Open(provider);

        Assert.True(await chats.IsActiveAsync("telegram:42", CancellationToken.None));
        await chats.SetActiveAsync("telegram:42", false, CancellationToken.None);
        Assert.False(await chats.IsActiveAsync("telegram:42", CancellationToken.None));
        await chats.SetActiveAsync("telegram:42", true, CancellationToken.None);
        Assert.True(await chats.IsActiveAsync("telegram:42", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AChatMarkedInactive_HasItsActiveMeetingsPaused_AndNoOtherChats(string provider)
    {
        var (_, chats, _, _, meetings) = OpenWithMeetings(provider);
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

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AMigratedGroup_ResolvesToItsNewId_AndItsConversationMoves(string provider)
    {
        var (conversations, chats, _, _) = Open(provider);
        await conversations.SaveAsync(new Conversation("telegram:-42", "et", "contact", DateTimeOffset.UnixEpoch) { Role = "coordinator" }, [], CancellationToken.None);

        await chats.MigrateAsync("telegram:-42", "telegram:-1001234567890", CancellationToken.None);

        Assert.Equal("telegram:-1001234567890", await chats.ResolveAsync("telegram:-42", CancellationToken.None));
        Assert.Equal("telegram:7", await chats.ResolveAsync("telegram:7", CancellationToken.None));
        Assert.Null(await conversations.LoadAsync("telegram:-42", CancellationToken.None));
        var moved = await conversations.LoadAsync("telegram:-1001234567890", CancellationToken.None);
        Assert.Equal("contact", moved!.State);
        Assert.Equal("coordinator", moved.Role);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AMigratedGroup_TakesItsMeetingsAlong(string provider)
    {
        var (_, chats, _, _, meetings) = OpenWithMeetings(provider);
        var schedule = new MeetingSchedule("FREQ=WEEKLY;BYDAY=MO", new TimeOnly(10, 0), new DateOnly(2026, 11, 23));
        await meetings.SaveAsync(new Meeting("m1", "telegram:-42", "7", schedule, MeetingStatus.Active, "et", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);

        await chats.MigrateAsync("telegram:-42", "telegram:-1001234567890", CancellationToken.None);

        Assert.Empty(await meetings.ListAsync("telegram:-42", CancellationToken.None));
        Assert.Equal("m1", Assert.Single(await meetings.ListAsync("telegram:-1001234567890", CancellationToken.None)).Id);
    }
}
