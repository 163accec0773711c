using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Tests;
using RecipeBot.Scheduling;

namespace RecipeBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IConversationStore"/> does; one subclass per implementation runs it.</summary>
public abstract partial class ConversationStoreContract
{
    /// <summary>A store over this test's storage; where storage outlives a store, a new one, as a restarted bot would open it.</summary>
    protected abstract IConversationStore Open();

    [SkippableFact]
    public async Task AConversation_RoundTripsThroughTheStore_WithEveryField()
    {
        var created = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(2));
        var conversation = new Conversation("telegram:-1001234567890", "ru", "contact/trust-conflict", created)
        {
            Role = "activist",
            Phase = "contact",
            History = ["language", "role", "phase", "contact"],
            SituationsSeen = ["contact/trust-conflict"],
            RecipesGiven = ["contact/trust-conflict/open-meetings", "contact/trust-conflict/shared-goal"],
            Deliveries = ["1001", "1002"],
            Turns = 7,
            UpdatedAt = created.AddMinutes(5),
        };

        await Open().SaveAsync(conversation, [], CancellationToken.None);
        var loaded = await Open().LoadAsync(conversation.Id, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(conversation.Id, loaded.Id);
        Assert.Equal("ru", loaded.Language);
        Assert.Equal("activist", loaded.Role);
        Assert.Equal("contact", loaded.Phase);
        Assert.Equal("contact/trust-conflict", loaded.State);
        Assert.Equal(conversation.History, loaded.History);
        Assert.Equal(conversation.SituationsSeen, loaded.SituationsSeen);
        Assert.Equal(conversation.RecipesGiven, loaded.RecipesGiven);
        Assert.Equal(["1001", "1002"], loaded.Deliveries);
        Assert.Equal(7, loaded.Turns);
        Assert.Equal(created, loaded.CreatedAt);
        Assert.Equal(created.AddMinutes(5), loaded.UpdatedAt);
    }

    [SkippableFact]
    public async Task SavingAgain_ReplacesTheRow_AndNullsAndEmptyListsSurvive()
    {
        var store = Open();
        var conversation = new Conversation("terminal:x", "et", "role", DateTimeOffset.UnixEpoch) { Role = "official", History = ["language"] };
        await store.SaveAsync(conversation, [], CancellationToken.None);

        conversation.Role = null;
        conversation.History.Clear();
        conversation.State = "language";
        await store.SaveAsync(conversation, [], CancellationToken.None);
        var loaded = await store.LoadAsync("terminal:x", CancellationToken.None);

        Assert.Null(loaded!.Role);
        Assert.Empty(loaded.History);
        Assert.Equal("language", loaded.State);
    }

    [SkippableFact]
    public async Task AnUnknownConversation_LoadsAsNull()
    {
        Assert.Null(await Open().LoadAsync("nobody", CancellationToken.None));
    }

    [SkippableFact]
    public async Task TheTimeZoneAScheduleDraftAndTheOfferedButtons_SurviveAReopen()
    {
        var conversation = new Conversation("telegram:-42", "et", "meetings", DateTimeOffset.UnixEpoch)
        {
            TimeZone = "Europe/Helsinki",
            Draft = NewDraft(),
            Offered = ["mtg:abc", "mtg:list"],
        };

        await Open().SaveAsync(conversation, [], CancellationToken.None);
        var loaded = await Open().LoadAsync("telegram:-42", CancellationToken.None);

        Assert.Equal("Europe/Helsinki", loaded!.TimeZone);
        AssertSameDraft(NewDraft(), loaded.Draft);
        Assert.Equal(["mtg:abc", "mtg:list"], loaded.Offered);
    }

    [SkippableFact]
    public async Task AClearedDraftAndTimeZone_LoadAsNull()
    {
        var store = Open();
        var conversation = new Conversation("telegram:-42", "et", "meetings", DateTimeOffset.UnixEpoch) { TimeZone = "Europe/Riga", Draft = NewDraft() };
        await store.SaveAsync(conversation, [], CancellationToken.None);

        conversation.TimeZone = null;
        conversation.Draft = null;
        await store.SaveAsync(conversation, [], CancellationToken.None);
        var loaded = await Open().LoadAsync("telegram:-42", CancellationToken.None);

        Assert.Null(loaded!.TimeZone);
        Assert.Null(loaded.Draft);
    }

    [SkippableFact]
    public async Task ARestartedBot_ContinuesWhereTheUserWas()
    {
        var before = new EngineHarness(Open());
        await before.SayAsync("/start");
        await before.SayAsync("en");
        await before.SayAsync("activist");
        await before.SayAsync("contact");

        var after = new EngineHarness(Open());
        var reply = await after.SayAsync("council-reluctant");

        Assert.Equal("contact/council-reluctant", reply.State);
        Assert.Equal("en", reply.Language);
        Assert.NotEmpty(reply.Recipes);
        Assert.Equal("contact", (await after.SayAsync("/back")).State);
    }

    protected static ScheduleDraft NewDraft()
    {
        var weekly = new MeetingSchedule("FREQ=WEEKLY;BYDAY=TU", new TimeOnly(18, 0), new DateOnly(2026, 12, 8), "Europe/Helsinki", "Working group", "Town hall");
        var draft = new ScheduleDraft
        {
            Step = DraftStep.Confirm,
            MeetingId = "k3x9abcdef",
            Frequency = "monthly",
            Weekday = DayOfWeek.Tuesday,
            WeekOfMonth = -1,
            Date = new DateOnly(2026, 12, 8),
            Proposed = weekly,
        };
        draft.Alternatives.Add(new DraftAlternative("schedule-reading-weekly", weekly));
        draft.Alternatives.Add(new DraftAlternative("schedule-reading-once", new MeetingSchedule(string.Empty, new TimeOnly(9, 30), new DateOnly(2027, 1, 4))));
        return draft;
    }

    protected static void AssertSameDraft(ScheduleDraft expected, ScheduleDraft? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Step, actual.Step);
        Assert.Equal(expected.MeetingId, actual.MeetingId);
        Assert.Equal(expected.Frequency, actual.Frequency);
        Assert.Equal(expected.Weekday, actual.Weekday);
        Assert.Equal(expected.WeekOfMonth, actual.WeekOfMonth);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Proposed, actual.Proposed);
        Assert.Equal(expected.Alternatives, actual.Alternatives);
    }
}
