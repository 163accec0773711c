using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Scheduling;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IMeetingStore"/> does; one subclass per implementation runs it.</summary>
public abstract partial class MeetingStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2));

    protected static readonly MeetingSchedule Weekly = new(
        "FREQ=WEEKLY;BYDAY=TU", new TimeOnly(18, 0), new DateOnly(2026, 12, 8), "Europe/Tallinn", "Working group", "Town hall, room 2");

    /// <summary>A store over this test's storage; where storage outlives a store, a new one (a restarted bot, another instance).</summary>
    protected abstract IMeetingStore Open();

    /// <summary>A store over fresh storage and the outbox it queues notifications in.</summary>
    protected abstract (IMeetingStore Store, IOutboxStore Outbox) OpenWithOutbox();

    protected static Meeting NewMeeting(string id, string conversationId, DateTimeOffset createdAt, MeetingStatus status = MeetingStatus.Active) =>
        new(id, conversationId, "telegram:7", Weekly, status, "et", createdAt, createdAt.AddMinutes(1));

    [SkippableFact]
    public async Task AMeeting_RoundTrips_WithEveryField()
    {
        var store = Open();
        var full = new Meeting("full000001", "telegram:-42", "telegram:7", Weekly, MeetingStatus.Paused, "ru", Now, Now.AddHours(3));
        var bare = new Meeting(
            "bare000001", "terminal:local", null, new MeetingSchedule(string.Empty, new TimeOnly(9, 30), new DateOnly(2027, 1, 4)), MeetingStatus.Active, "en", Now, Now);

        await store.SaveAsync(full, CancellationToken.None);
        await store.SaveAsync(bare, CancellationToken.None);
        var loadedFull = await store.GetAsync("full000001", CancellationToken.None);
        var loadedBare = await store.GetAsync("bare000001", CancellationToken.None);

        Assert.Equal(full, loadedFull);
        Assert.Equal(bare, loadedBare);
        Assert.Null(loadedBare!.CreatedBy);
        Assert.Null(loadedBare.Schedule.Title);
        Assert.Null(loadedBare.Schedule.Place);
        Assert.False(loadedBare.Schedule.IsRecurring);
        Assert.Equal(MeetingSchedule.DefaultTimeZone, loadedBare.Schedule.TimeZone);
        Assert.Null(await store.GetAsync("nope", CancellationToken.None));
    }

    [SkippableFact]
    public async Task SavingAgain_ReplacesTheMeeting()
    {
        var store = Open();
        var meeting = NewMeeting("m1", "telegram:-42", Now);
        await store.SaveAsync(meeting, CancellationToken.None);

        var changed = meeting with { Schedule = Weekly with { Place = null, StartTime = new TimeOnly(19, 15) }, Status = MeetingStatus.Cancelled, UpdatedAt = Now.AddDays(1) };
        await store.SaveAsync(changed, CancellationToken.None);

        Assert.Equal(changed, await store.GetAsync("m1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task EveryMeetingStatus_RoundTrips()
    {
        var store = Open();
        foreach (var status in Enum.GetValues<MeetingStatus>())
        {
            await store.SaveAsync(NewMeeting("s-" + status, "c", Now, status), CancellationToken.None);
        }

        foreach (var status in Enum.GetValues<MeetingStatus>())
        {
            Assert.Equal(status, (await store.GetAsync("s-" + status, CancellationToken.None))!.Status);
        }
    }

    [SkippableFact]
    public async Task List_LeavesOutCancelledAndOtherConversations_OldestFirst()
    {
        var store = Open();
        // 08:00Z is later than 10:00+03:00 (07:00Z): the order is by instant, not by local text.
        await store.SaveAsync(NewMeeting("newest", "telegram:-42", new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        await store.SaveAsync(NewMeeting("cancelled", "telegram:-42", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), MeetingStatus.Cancelled), CancellationToken.None);
        await store.SaveAsync(NewMeeting("middle", "telegram:-42", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(3)), MeetingStatus.Paused), CancellationToken.None);
        await store.SaveAsync(NewMeeting("elsewhere", "telegram:-43", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        await store.SaveAsync(NewMeeting("oldest", "telegram:-42", new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        var listed = await store.ListAsync("telegram:-42", CancellationToken.None);

        Assert.Equal(["oldest", "middle", "newest"], listed.Select(m => m.Id));
        Assert.Empty(await store.ListAsync("telegram:-44", CancellationToken.None));
    }

    [SkippableFact]
    public async Task ListActive_GivesActiveMeetingsOfEveryConversation_OldestFirst()
    {
        var store = Open();
        await store.SaveAsync(NewMeeting("b", "telegram:-43", Now.AddDays(2)), CancellationToken.None);
        await store.SaveAsync(NewMeeting("paused", "telegram:-42", Now, MeetingStatus.Paused), CancellationToken.None);
        await store.SaveAsync(NewMeeting("cancelled", "telegram:-42", Now, MeetingStatus.Cancelled), CancellationToken.None);
        await store.SaveAsync(NewMeeting("a", "telegram:-42", Now.AddDays(1)), CancellationToken.None);

        var active = await store.ListActiveAsync(CancellationToken.None);

        Assert.Equal(["a", "b"], active.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task PauseAll_PausesTheConversationsActiveMeetings_AndReturnsThemPaused()
    {
        var store = Open();
        var later = Now.AddDays(3);
        await store.SaveAsync(NewMeeting("a2", "telegram:-42", Now.AddHours(1)), CancellationToken.None);
        await store.SaveAsync(NewMeeting("a1", "telegram:-42", Now), CancellationToken.None);
        await store.SaveAsync(NewMeeting("cancelled", "telegram:-42", Now, MeetingStatus.Cancelled), CancellationToken.None);
        await store.SaveAsync(NewMeeting("other", "telegram:-43", Now), CancellationToken.None);

        var paused = await store.PauseAllAsync("telegram:-42", later, CancellationToken.None);
        var again = await store.PauseAllAsync("telegram:-42", later, CancellationToken.None);

        Assert.Equal(["a1", "a2"], paused.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.All(paused, m => Assert.Equal(MeetingStatus.Paused, m.Status));
        Assert.All(paused, m => Assert.Equal(later, m.UpdatedAt));
        Assert.Equal(paused.Single(m => m.Id == "a1"), await store.GetAsync("a1", CancellationToken.None));
        Assert.Equal(MeetingStatus.Cancelled, (await store.GetAsync("cancelled", CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Active, (await store.GetAsync("other", CancellationToken.None))!.Status);
        Assert.Empty(again);
    }

    [SkippableFact]
    public async Task Move_GivesMeetingsAndNextStepsTheNewConversation()
    {
        var store = Open();
        await store.SaveAsync(NewMeeting("m1", "telegram:-42", Now), CancellationToken.None);
        await store.SaveAsync(NewMeeting("m2", "telegram:-43", Now), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:-42", "contact/trust", Now.AddDays(7), "et"), CancellationToken.None);

        await store.MoveAsync("telegram:-42", "telegram:-1001", CancellationToken.None);

        Assert.Equal("telegram:-1001", (await store.GetAsync("m1", CancellationToken.None))!.ConversationId);
        Assert.Equal("telegram:-43", (await store.GetAsync("m2", CancellationToken.None))!.ConversationId);
        Assert.Empty(await store.ListAsync("telegram:-42", CancellationToken.None));
        Assert.Null(await store.GetNextStepAsync("telegram:-42", "contact/trust", CancellationToken.None));
        Assert.Equal(
            new NextStep("telegram:-1001", "contact/trust", Now.AddDays(7), "et"),
            await store.GetNextStepAsync("telegram:-1001", "contact/trust", CancellationToken.None));
    }

    [SkippableFact]
    public async Task ANextStep_IsSavedReplacedAndDeleted()
    {
        var store = Open();
        await store.SaveNextStepAsync(new NextStep("telegram:7", "contact/trust", Now.AddDays(7), "et"), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:7", "contact/trust", Now.AddDays(14), "ru"), CancellationToken.None);

        var replaced = await store.GetNextStepAsync("telegram:7", "contact/trust", CancellationToken.None);
        await store.DeleteNextStepAsync("telegram:7", "contact/trust", CancellationToken.None);

        Assert.Equal(new NextStep("telegram:7", "contact/trust", Now.AddDays(14), "ru"), replaced);
        Assert.Null(await store.GetNextStepAsync("telegram:7", "contact/trust", CancellationToken.None));
        Assert.Empty(await store.ListNextStepsAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task NextSteps_AreListedEarliestDueFirst()
    {
        var store = Open();
        await store.SaveNextStepAsync(new NextStep("telegram:1", "late", new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), "et"), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:2", "early", new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(3)), "et"), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:1", "latest", new DateTimeOffset(2026, 12, 9, 0, 0, 0, TimeSpan.Zero), "et"), CancellationToken.None);

        var steps = await store.ListNextStepsAsync(CancellationToken.None);

        Assert.Equal(["early", "late", "latest"], steps.Select(s => s.SituationId));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero), steps[0].DueAt);
    }

    [SkippableFact]
    public async Task MeetingsNextStepsAndTheLedger_SurviveReopening()
    {
        var meeting = NewMeeting("m1", "telegram:-42", Now);
        var step = new NextStep("telegram:7", "contact/trust", Now.AddDays(7), "ru");
        var before = Open();
        await before.SaveAsync(meeting, CancellationToken.None);
        await before.SaveNextStepAsync(step, CancellationToken.None);
        await before.TryClaimAsync("m1/20261208T1600Z/minutes", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);
        await before.TryClaimAsync("m1/20261208T1600Z/lead-1h", "w", Now, NotificationStatus.Pending, Now, CancellationToken.None);
        await before.CompleteAsync("m1/20261208T1600Z/lead-1h", NotificationStatus.Sent, Now, CancellationToken.None);

        var after = Open();

        Assert.Equal(meeting, await after.GetAsync("m1", CancellationToken.None));
        Assert.Equal([meeting], await after.ListActiveAsync(CancellationToken.None));
        Assert.Equal([step], await after.ListNextStepsAsync(CancellationToken.None));
        Assert.Equal(NotificationStatus.Sent, await after.GetStatusAsync("m1/20261208T1600Z/lead-1h", CancellationToken.None));
        Assert.Equal("m1/20261208T1600Z/minutes", Assert.Single(await after.ListPendingAsync(CancellationToken.None)).Key);
        Assert.False(await after.TryClaimAsync("m1/20261208T1600Z/minutes", "w2", Now, NotificationStatus.Pending, Now, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Move_KeepsTheTargetsNextStep_WhenBothConversationsHaveOne()
    {
        var store = Open();
        await store.SaveNextStepAsync(new NextStep("telegram:-42", "contact/trust", Now.AddDays(7), "et"), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:-42", "contact/other", Now.AddDays(8), "et"), CancellationToken.None);
        await store.SaveNextStepAsync(new NextStep("telegram:-1001", "contact/trust", Now.AddDays(2), "ru"), CancellationToken.None);

        await store.MoveAsync("telegram:-42", "telegram:-1001", CancellationToken.None);

        Assert.Equal(
            [
                new NextStep("telegram:-1001", "contact/trust", Now.AddDays(2), "ru"),
                new NextStep("telegram:-1001", "contact/other", Now.AddDays(8), "et"),
            ],
            await store.ListNextStepsAsync(CancellationToken.None));
    }
}
