using System.Text;
using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Loading;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Tests;
/// <summary>Listing, changing and exporting meetings; who may change them in a group; the follow-ups a conversation gets.</summary>
public sealed partial class MeetingDialogTests
{
    [Fact]
    public async Task Meetings_ListPauseResumeChangeCancel()
    {
        await InEnglishAsync();
        var id = await SaveAsync("every Monday at 10");

        var list = await _bot.SayAsync("/meetings");
        Assert.Contains("1. on Mondays at 10:00", list.Text, StringComparison.Ordinal);
        Assert.Contains("Next: Monday 23 November at 10:00", list.Text, StringComparison.Ordinal);
        Assert.Equal("mtg:" + id, list.Choices[0].Id);

        var details = await _bot.SayAsync("mtg:" + id);
        Assert.Equal(["mtg:" + id + ":pause", "mtg:" + id + ":change", "mtg:" + id + ":ics", "mtg:" + id + ":cancel", "mtg:list"], details.Choices.Select(c => c.Id));
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO", details.Schedule!.Rrule);

        var paused = await _bot.SayAsync("mtg:" + id + ":pause");
        Assert.StartsWith("Reminders are paused: on Mondays at 10:00.", paused.Text, StringComparison.Ordinal);
        Assert.Contains("(paused)", paused.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Paused, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);
        Assert.Equal(MeetingStatus.Paused, _scheduler.Changed[^1].Status);

        await _bot.SayAsync("mtg:" + id + ":resume");
        Assert.Equal(MeetingStatus.Active, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);

        await _bot.SayAsync("mtg:" + id + ":change");
        await _bot.SayAsync("every Friday at 9");
        var changed = await _bot.SayAsync("sched:save");
        Assert.StartsWith("Changed: on Fridays at 09:00.", changed.Text, StringComparison.Ordinal);
        var meeting = Assert.Single(await _meetings.ListAsync("test:1", CancellationToken.None));
        Assert.Equal((id, "FREQ=WEEKLY;BYDAY=FR"), (meeting.Id, meeting.Schedule.RecurrenceRule));

        await _bot.SayAsync("mtg:" + id + ":pause");
        await _bot.SayAsync("mtg:" + id + ":change");
        await _bot.SayAsync("every Friday at 11");
        await _bot.SayAsync("sched:save");
        var stillPaused = (await _meetings.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((MeetingStatus.Paused, new TimeOnly(11, 0)), (stillPaused.Status, stillPaused.Schedule.StartTime));

        var cancelled = await _bot.SayAsync("mtg:" + id + ":cancel");
        Assert.StartsWith("The meeting is cancelled", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains("No meetings are scheduled.", cancelled.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Cancelled, _scheduler.Changed[^1].Status);

        var gone = await _bot.SayAsync("mtg:" + id + ":pause");
        Assert.StartsWith("That meeting no longer exists.", gone.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberTyped_MeansTheButtonShownWithIt_InAListOfMeetings()
    {
        await InEnglishAsync();
        var id = await SaveAsync("every Monday at 10");
        await _bot.SayAsync("/meetings");

        var details = await _bot.SayAsync("1");

        Assert.Equal("mtg:" + id + ":pause", details.Choices[0].Id);
        var paused = await _bot.SayAsync("1");
        Assert.StartsWith("Reminders are paused", paused.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Paused, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);

        // Back on the state's own buttons, numbers mean those again.
        await _bot.SayAsync("/start");
        var role = await _bot.SayAsync("2");
        Assert.Equal("role", role.State);
    }

    [Fact]
    public async Task AMeeting_IsExportedAsAnIcsFile()
    {
        await InEnglishAsync();
        var id = await SaveAsync("every second Tuesday of the month at 18:00 in the library");

        var reply = await _bot.SayAsync("mtg:" + id + ":ics");

        var file = reply.Attachment!;
        Assert.Equal($"meeting-{id}.ics", file.FileName);
        Assert.Equal("text/calendar", file.ContentType);
        var calendar = Encoding.UTF8.GetString(file.Content);
        Assert.Contains("BEGIN:VCALENDAR", calendar, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=MONTHLY;BYDAY=2TU", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Tallinn:20261208T180000", calendar, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAGroup_OnlyTheCreatorAnAdminOrACoordinatorMayChangeAMeeting()
    {
        await _bot.SayInGroupAsync("/start", "creator");
        await _bot.SayInGroupAsync("en", "creator");
        await _bot.SayInGroupAsync("every Monday at 10", "creator");
        await _bot.SayInGroupAsync("sched:save", "creator");
        var id = Assert.Single(await _meetings.ListAsync("test:-100", CancellationToken.None)).Id;

        var refused = await _bot.SayInGroupAsync("mtg:" + id + ":cancel", "member");
        Assert.StartsWith("In a group, only the person who added the meeting", refused.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Active, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);
        var exported = await _bot.SayInGroupAsync("mtg:" + id + ":ics", "member");
        Assert.NotNull(exported.Attachment);

        await _bot.SayInGroupAsync("mtg:" + id + ":pause", "creator");
        Assert.Equal(MeetingStatus.Paused, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);
        await _bot.SayInGroupAsync("mtg:" + id + ":resume", "coordinator");
        Assert.Equal(MeetingStatus.Active, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);
        _permissions.Admins.Add("admin");
        await _bot.SayInGroupAsync("mtg:" + id + ":cancel", "admin");
        Assert.Equal(MeetingStatus.Cancelled, (await _meetings.GetAsync(id, CancellationToken.None))!.Status);
        Assert.Equal([("test:-100", "member"), ("test:-100", "admin")], _permissions.Asked);
    }

    [Fact]
    public async Task TheCloseButton_OpensTheCloseOut_OnlyForAMeetingOfThisChat()
    {
        await InEnglishAsync();
        var occurrence = At(2026, 12, 8, 18, 2);

        var id = await SaveAsync("every second Tuesday of the month at 18:00");

        var reply = await _bot.SayAsync(NotificationKeys.CloseChoice(id, occurrence));
        Assert.Contains("Where are the minutes?", reply.Text, StringComparison.Ordinal);

        // Another chat's meeting, or one that does not exist, is not found.
        Assert.Contains("/meetings", (await _bot.SayAsync(NotificationKeys.CloseChoice(id, occurrence), chat: "test:2")).Text, StringComparison.Ordinal);
        Assert.Contains("no longer exists", (await _bot.SayAsync(NotificationKeys.CloseChoice("nosuchmeet", occurrence))).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IllTryThis_AsksInAWeek_DoneLeadsOn_StuckDiagnosesAgain()
    {
        await InEnglishAsync();
        await _bot.SayAsync("official");
        await _bot.SayAsync("contact");
        await _bot.SayAsync("no-partners");
        var recipe = await _bot.SayAsync("recipe:announce-openly");
        Assert.Contains(recipe.Choices, c => c.Id == "try");

        var noted = await _bot.SayAsync("try");

        Assert.StartsWith("Good luck! On Sunday 29 November I will ask how it went.", noted.Text, StringComparison.Ordinal);
        var step = (await _meetings.GetNextStepAsync("test:1", "contact/no-partners", CancellationToken.None))!;
        Assert.Equal(_bot.Time.GetUtcNow() + TimeSpan.FromDays(7), step.DueAt);
        Assert.Equal(step, Assert.Single(_scheduler.Steps));

        var done = await _bot.SayAsync("step:done:contact/no-partners");
        Assert.Equal("planning", done.State);
        Assert.StartsWith("Excellent!", done.Text, StringComparison.Ordinal);
        Assert.Null(await _meetings.GetNextStepAsync("test:1", "contact/no-partners", CancellationToken.None));

        var stuck = await _bot.SayAsync("step:stuck:contact/no-partners");
        Assert.Equal("contact", stuck.State);
        Assert.StartsWith("Let's look again", stuck.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTimeZone_CanBeChangedPerConversation()
    {
        await InEnglishAsync();

        var unknown = await _bot.SayAsync("/timezone Mars/Olympus");
        Assert.StartsWith("I do not know that time zone.", unknown.Text, StringComparison.Ordinal);
        await _bot.SayAsync("/timezone Europe/London");
        var proposal = await _bot.SayAsync("every Monday at 10");

        Assert.Equal("Europe/London", proposal.Schedule!.TimeZone);
        Assert.Equal(At(2026, 11, 23, 10, 0), proposal.Schedule.Next[0]);
    }

    [Fact]
    public void NoExampleOfAnotherIntent_ReadsAsASchedule()
    {
        var problems = new List<ContentProblem>();
        var examples = IntentExampleLoader.Load(RepositoryContent.Directory, RepositoryContent.Content, IntentExampleLoader.Folder, problems)
            .Concat(IntentExampleLoader.Load(RepositoryContent.Directory, RepositoryContent.Content, IntentExampleLoader.EvaluationFolder, problems))
            .Where(e => e.Intent != Intents.ScheduleMeeting)
            .ToList();
        Assert.True(examples.Count > 1500);

        var misread = examples
            .Where(e => ScheduleGrammar.Parse(e.Text, e.Language, _bot.Time.GetUtcNow()) is not ScheduleParseResult.Invalid)
            .Select(e => $"{e.Language}: {e.Text}")
            .ToList();

        Assert.Empty(misread);
    }
}
