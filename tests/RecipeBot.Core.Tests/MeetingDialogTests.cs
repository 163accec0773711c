using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Tests;

/// <summary>Making, listing and changing meeting schedules in the conversation; the clock stands at Sunday 22 November 2026, 12:00 in Tallinn.</summary>
public sealed partial class MeetingDialogTests
{
    private readonly RecordingScheduler _scheduler = new();
    private readonly FakePermissions _permissions = new();
    private readonly InMemoryMeetingStore _meetings = new();
    private readonly EngineHarness _bot;

    public MeetingDialogTests()
    {
        _bot = new EngineHarness(meetings: new MeetingServices(
            _meetings, _scheduler, _permissions, new HashSet<string> { "test:coordinator" }, TimeSpan.FromDays(7)));
    }

    [Fact]
    public async Task ATypedSchedule_IsConfirmedWithTheNextThreeDates_ThenSaved()
    {
        await InEnglishAsync();

        var proposal = await _bot.SayAsync("every second Tuesday of the month at 18:00");

        Assert.Equal(["sched:save", "sched:edit", "sched:cancel"], proposal.Choices.Select(c => c.Id));
        Assert.Equal("FREQ=MONTHLY;BYDAY=2TU", proposal.Schedule!.Rrule);
        Assert.Equal("Europe/Tallinn", proposal.Schedule.TimeZone);
        Assert.Equal(
            [At(2026, 12, 8, 18, 2), At(2027, 1, 12, 18, 2), At(2027, 2, 9, 18, 2)],
            proposal.Schedule.Next);
        Assert.Contains("on the second Tuesday of every month at 18:00", proposal.Text, StringComparison.Ordinal);
        Assert.Contains("• Tuesday 8 December at 18:00", proposal.Text, StringComparison.Ordinal);
        Assert.Empty(await _meetings.ListAsync("test:1", CancellationToken.None));

        var saved = await _bot.SayAsync("sched:save");

        var meeting = Assert.Single(await _meetings.ListAsync("test:1", CancellationToken.None));
        Assert.Equal("FREQ=MONTHLY;BYDAY=2TU", meeting.Schedule.RecurrenceRule);
        Assert.Equal(new TimeOnly(18, 0), meeting.Schedule.StartTime);
        Assert.Equal("user-1", meeting.CreatedBy);
        Assert.Equal(MeetingStatus.Active, meeting.Status);
        Assert.Equal([meeting.Id], _scheduler.Changed.Select(m => m.Id));
        Assert.StartsWith("Saved: on the second Tuesday of every month at 18:00.", saved.Text, StringComparison.Ordinal);
        Assert.Equal(proposal.Schedule.Next, saved.Schedule!.Next);
        Assert.Null((await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Draft);
    }

    [Theory]
    [InlineData("et", "iga kuu teisel teisipäeval kell 18", "FREQ=MONTHLY;BYDAY=2TU", "2026-12-08T18:00:00+02:00")]
    [InlineData("ru", "каждый понедельник в 10", "FREQ=WEEKLY;BYDAY=MO", "2026-11-23T10:00:00+02:00")]
    [InlineData("en", "every Wednesday at 17:30 in the town hall", "FREQ=WEEKLY;BYDAY=WE", "2026-11-25T17:30:00+02:00")]
    public async Task SchedulesAreReadInEachLanguage(string language, string text, string rule, string first)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);

        var proposal = await _bot.SayAsync(text);

        Assert.Equal(rule, proposal.Schedule!.Rrule);
        Assert.Equal(DateTimeOffset.Parse(first, System.Globalization.CultureInfo.InvariantCulture), proposal.Schedule.Next[0]);
        Assert.Equal(3, proposal.Schedule.Next.Count);
    }

    [Theory]
    [InlineData(null, "I will remind you the day before at 10:00 and 1 h before.")]
    [InlineData("2d@09:00,3h,30m", "I will remind you 2 days before at 09:00, 3 h before and 30 min before.")]
    [InlineData("", "I will remind you only once reminders are switched on (they are off now).")]
    public async Task TheConfirmation_NamesTheConfiguredLeadTimes(string? leads, string expected)
    {
        var bot = new EngineHarness(meetings: MeetingServices.InMemory() with
        {
            LeadTimes = leads is null ? null : leads.Split(',', StringSplitOptions.RemoveEmptyEntries),
        });
        await bot.SayAsync("/start");
        await bot.SayAsync("en");

        var proposal = await bot.SayAsync("every Monday at 10");

        Assert.EndsWith("Shall I save it? " + expected, proposal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAmbiguousSchedule_AsksWhichReadingWasMeant()
    {
        await InEnglishAsync();

        var question = await _bot.SayAsync("every 2nd Tuesday at 18");

        Assert.Null(question.Schedule);
        Assert.StartsWith("That can be read two ways.", question.Text, StringComparison.Ordinal);
        Assert.Equal(["sched:pick:0", "sched:pick:1", "sched:cancel"], question.Choices.Select(c => c.Id));
        Assert.Equal("every 2 weeks, on Tuesdays at 18:00", question.Choices[0].Label);
        Assert.Equal("on the second Tuesday of every month at 18:00", question.Choices[1].Label);

        var fortnightly = await _bot.SayAsync("1");

        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", fortnightly.Schedule!.Rrule);
        Assert.Equal([At(2026, 11, 24, 18, 2), At(2026, 12, 8, 18, 2), At(2026, 12, 22, 18, 2)], fortnightly.Schedule.Next);
    }

    [Fact]
    public async Task TheGuidedPath_FrequencyWeekdayWeekTime_GivesTheSameSchedule()
    {
        await InEnglishAsync();

        var ask = await _bot.SayAsync("/remind");
        Assert.StartsWith("When do you meet?", ask.Text, StringComparison.Ordinal);
        var weekday = await _bot.SayAsync("sched:freq:monthly");
        Assert.Equal(8, weekday.Choices.Count);
        Assert.Equal("sched:day:mo", weekday.Choices[0].Id);
        var week = await _bot.SayAsync("Tuesday");
        Assert.Equal(["sched:week:1", "sched:week:2", "sched:week:3", "sched:week:4", "sched:week:last", "sched:cancel"], week.Choices.Select(c => c.Id));
        var time = await _bot.SayAsync("sched:week:2");
        Assert.Contains(time.Choices, c => c.Id == "sched:time:18:00");

        var proposal = await _bot.SayAsync("sched:time:18:00");

        Assert.Equal("FREQ=MONTHLY;BYDAY=2TU", proposal.Schedule!.Rrule);
        Assert.Equal(At(2026, 12, 8, 18, 2), proposal.Schedule.Next[0]);
    }

    [Fact]
    public async Task TheGuidedPath_TakesATypedTime_AndExplainsABadOne()
    {
        await InEnglishAsync();
        await _bot.SayAsync("/remind");
        await _bot.SayAsync("sched:freq:weekly");
        await _bot.SayAsync("sched:day:th");

        var bad = await _bot.SayAsync("25:00");
        Assert.StartsWith("I could not read that time.", bad.Text, StringComparison.Ordinal);

        var proposal = await _bot.SayAsync("17.30");
        Assert.Equal("FREQ=WEEKLY;BYDAY=TH", proposal.Schedule!.Rrule);
        Assert.Equal(At(2026, 11, 26, 17, 2, 30), proposal.Schedule.Next[0]);

        await _bot.SayAsync("sched:edit");
        await _bot.SayAsync("sched:freq:weekly");
        await _bot.SayAsync("sched:day:th");
        var evening = await _bot.SayAsync("6pm");
        Assert.Equal(At(2026, 11, 26, 18, 2), evening.Schedule!.Next[0]);
    }

    [Fact]
    public async Task AOneOffMeeting_OnAChosenDay()
    {
        await InEnglishAsync();
        await _bot.SayAsync("/remind");
        var days = await _bot.SayAsync("sched:freq:once");
        Assert.Equal("sched:date:2026-11-23", days.Choices[0].Id);
        Assert.Equal("Monday 23 November", days.Choices[0].Label);
        await _bot.SayAsync("sched:date:2026-11-25");

        var proposal = await _bot.SayAsync("sched:time:10:00");

        Assert.Equal(string.Empty, proposal.Schedule!.Rrule);
        Assert.Equal([At(2026, 11, 25, 10, 2)], proposal.Schedule.Next);

        // Chosen a day, then answered the time only after that moment had passed.
        await _bot.SayAsync("sched:edit");
        await _bot.SayAsync("sched:freq:once");
        await _bot.SayAsync("sched:date:2026-11-23");
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var passed = await _bot.SayAsync("sched:time:10:00");
        Assert.StartsWith("That date has already passed.", passed.Text, StringComparison.Ordinal);
        Assert.Null(passed.Schedule);
    }

    [Fact]
    public async Task AnUnreadableSchedule_GetsAHint_AndTheQuestionStays()
    {
        await InEnglishAsync();
        await _bot.SayAsync("/remind");

        var reply = await _bot.SayAsync("on 31 April at 10");

        Assert.StartsWith("That date does not exist.", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Choices, c => c.Id == "sched:freq:weekly");
        Assert.Equal(DraftStep.Describe, (await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Draft!.Step);
    }

    [Fact]
    public async Task Cancelling_SavesNothing_AndAnyCommandEndsTheDraft()
    {
        await InEnglishAsync();
        await _bot.SayAsync("every Monday at 10");

        var cancelled = await _bot.SayAsync("sched:cancel");
        Assert.StartsWith("All right, nothing was saved.", cancelled.Text, StringComparison.Ordinal);
        Assert.Empty(await _meetings.ListAsync("test:1", CancellationToken.None));

        await _bot.SayAsync("every Monday at 10");
        await _bot.SayAsync("/help");
        Assert.Null((await _bot.Store.LoadAsync("test:1", CancellationToken.None))!.Draft);
    }

    private async Task InEnglishAsync()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");
    }

    private async Task<string> SaveAsync(string text)
    {
        await _bot.SayAsync(text);
        await _bot.SayAsync("sched:save");
        return (await _meetings.ListAsync("test:1", CancellationToken.None))[^1].Id;
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int offset, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offset));

    private sealed class RecordingScheduler : IReminderScheduler
    {
        public List<Meeting> Changed { get; } = [];

        public List<NextStep> Steps { get; } = [];

        public ValueTask MeetingChangedAsync(Meeting meeting, CancellationToken cancellationToken)
        {
            Changed.Add(meeting);
            return ValueTask.CompletedTask;
        }

        public ValueTask NextStepChangedAsync(NextStep step, bool removed, CancellationToken cancellationToken)
        {
            if (!removed)
            {
                Steps.Add(step);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class FakePermissions : IChatPermissions
    {
        public HashSet<string> Admins { get; } = [];

        public List<(string, string)> Asked { get; } = [];

        public ValueTask<bool> IsAdminAsync(string conversationId, string userId, CancellationToken cancellationToken)
        {
            Asked.Add((conversationId, userId));
            return ValueTask.FromResult(Admins.Contains(userId));
        }
    }
}
