using System.Globalization;
using System.Text;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Core.Tests;

/// <summary>
/// A one-off meeting and a quarterly one made end to end through the engine, in the words a user would type; the
/// clock stands at Sunday 22 November 2026, 12:00 in Tallinn.
/// </summary>
public sealed class CalendarPhraseDialogTests
{
    private readonly EngineHarness _bot = new();

    private async Task InAsync(string language)
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync(language);
    }

    [Fact]
    public async Task AOneOffNextThursday_InEstonian_IsConfirmedSavedAndRemindedWithItsPlace()
    {
        await InAsync("et");

        var proposal = await _bot.SayAsync("järgmisel neljapäeval kell 14 vallamajas");

        Assert.Equal(string.Empty, proposal.Schedule!.Rrule);
        Assert.Equal([At("2026-11-26T14:00:00+02:00")], proposal.Schedule.Next);
        Assert.StartsWith("Kohtumine: neljapäev, 26. november kell 14:00 vallamajas\n", proposal.Text, StringComparison.Ordinal);

        var saved = await _bot.SayAsync("Jah, sobib");

        Assert.StartsWith("Salvestatud: neljapäev, 26. november kell 14:00 vallamajas.", saved.Text, StringComparison.Ordinal);
        var meeting = Assert.Single(await _bot.Meetings.Store.ListAsync("test:1", CancellationToken.None));
        Assert.Equal(("vallamajas", new DateOnly(2026, 11, 26)), (meeting.Schedule.Place, meeting.Schedule.FirstDate));
        var reminder = new MeetingMessages(_bot.Engine.Flow).Reminder(meeting, proposal.Schedule.Next[0], late: false);
        Assert.Equal("🔔 Meeldetuletus: Töörühma kohtumine – neljapäev, 26. november kell 14:00 vallamajas. Hoidke ühine eesmärk päevakorras.", reminder.Text);
    }

    [Theory]
    [InlineData("en", "today at 16:30", "2026-11-22T16:30:00+02:00", "Meeting: Sunday 22 November at 16:30\n")]
    [InlineData("en", "tomorrow at 9 in the library", "2026-11-23T09:00:00+02:00", "Meeting: Monday 23 November at 09:00 in the library\n")]
    [InlineData("ru", "завтра в 9 в доме культуры", "2026-11-23T09:00:00+02:00", "Встреча: понедельник, 23 ноября в 09:00 в доме культуры\n")]
    [InlineData("ru", "в следующий четверг в 14", "2026-11-26T14:00:00+02:00", "Встреча: четверг, 26 ноября в 14:00\n")]
    [InlineData("et", "täna kell 16:30, koht: Rahvamaja", "2026-11-22T16:30:00+02:00", "Kohtumine: pühapäev, 22. november kell 16:30, koht: Rahvamaja\n")]
    public async Task AOneOffFromToday_IsProposedInTheUsersWords(string language, string text, string start, string confirmation)
    {
        await InAsync(language);

        var proposal = await _bot.SayAsync(text);

        Assert.Equal([At(start)], proposal.Schedule!.Next);
        Assert.StartsWith(confirmation, proposal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextThursday_SaidOnAMonday_AsksWhichWeek_AndThePickedOneIsProposed()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await InAsync("en");

        var question = await _bot.SayAsync("next Thursday at 2pm");

        Assert.StartsWith("That can be read two ways.", question.Text, StringComparison.Ordinal);
        Assert.Equal(["Thursday 26 November at 14:00", "Thursday 3 December at 14:00"], question.Choices.Take(2).Select(c => c.Label));
        var picked = await _bot.SayAsync("2");
        Assert.Equal([At("2026-12-03T14:00:00+02:00")], picked.Schedule!.Next);
    }

    [Fact]
    public async Task AQuarterlyMeeting_InRussian_IsConfirmedSavedAndExported()
    {
        await InAsync("ru");

        var proposal = await _bot.SayAsync("раз в квартал в первый вторник в 18 в доме культуры");

        Assert.Equal("FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU", proposal.Schedule!.Rrule);
        Assert.Equal([At("2026-12-01T18:00:00+02:00"), At("2027-03-02T18:00:00+02:00"), At("2027-06-01T18:00:00+03:00")], proposal.Schedule.Next);
        Assert.StartsWith("Встреча: раз в квартал, в первый вторник месяца в 18:00 в доме культуры\n", proposal.Text, StringComparison.Ordinal);

        var saved = await _bot.SayAsync("sched:save");
        var meeting = Assert.Single(await _bot.Meetings.Store.ListAsync("test:1", CancellationToken.None));
        var exported = await _bot.SayAsync("mtg:" + meeting.Id + ":ics");

        Assert.StartsWith("Сохранено: раз в квартал, в первый вторник месяца в 18:00 в доме культуры.", saved.Text, StringComparison.Ordinal);
        Assert.Equal("Откройте этот файл, чтобы добавить встречу в свой календарь: раз в квартал, в первый вторник месяца в 18:00 в доме культуры.", exported.Text);
        var calendar = Encoding.UTF8.GetString(exported.Attachment!.Content);
        Assert.Contains("RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU", calendar, StringComparison.Ordinal);
        Assert.Contains("LOCATION:в доме культуры", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuarterlyMeeting_CanBeMadeWithButtons()
    {
        await InAsync("en");
        await _bot.SayAsync("/remind");
        await _bot.SayAsync("Every quarter");
        await _bot.SayAsync("sched:day:tu");
        await _bot.SayAsync("sched:week:1");

        var proposal = await _bot.SayAsync("sched:time:18:00");

        Assert.Equal("FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU", proposal.Schedule!.Rrule);
        Assert.Equal(At("2026-12-01T18:00:00+02:00"), proposal.Schedule.Next[0]);
        Assert.StartsWith("Meeting: every quarter, on the first Tuesday of the month at 18:00\n", proposal.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("et", "kord kvartalis kell 18", "Mis päeval kuus?")]
    [InlineData("en", "quarterly at 18:00", "On which day of the month?")]
    [InlineData("ru", "раз в квартал в 18", "В какой день месяца?")]
    public async Task AQuarterWithoutADay_IsAskedForTheDay_InsideTheScheduleDialog(string language, string text, string hint)
    {
        await InAsync(language);
        await _bot.SayAsync("/remind");

        var reply = await _bot.SayAsync(text);

        Assert.StartsWith(hint, reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Schedule);
    }

    [Fact]
    public async Task IllTryThis_InEstonian_NamesTheDayNaturally()
    {
        await InAsync("et");
        await _bot.SayAsync("official");
        await _bot.SayAsync("contact");
        await _bot.SayAsync("no-partners");

        var noted = await _bot.SayAsync("try");

        Assert.StartsWith("Edu! Küsin pühapäeval, 29.11., üle, kuidas läks.", noted.Text, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
