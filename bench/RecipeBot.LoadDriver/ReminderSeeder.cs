using System.Globalization;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.LoadDriver;

/// <summary>
/// Writes the reminder run's meetings straight into the bot's SQLite file before the bot starts, as the bot's
/// own store would: one per private chat <c>telegram:1</c> … <c>telegram:n</c>, every one starting an hour after
/// <c>dueAt</c>, so that all their "1h" reminders fall due at that one instant. Odd chats get a weekly series,
/// even ones a single meeting. They are created now, so nothing due before (the day-before reminder) is owed,
/// and what comes after (the minutes follow-up, two hours after the start) is after the run.
/// </summary>
public static class ReminderSeeder
{
    public const string TimeZone = MeetingSchedule.DefaultTimeZone;

    private static readonly string[] Weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The title of chat <paramref name="chat"/>'s meeting, which its reminder must name.</summary>
    public static string Title(long chat) => string.Create(CultureInfo.InvariantCulture, $"Load meeting {chat}");

    public static async Task SeedAsync(string databasePath, int chats, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (dueAt.Second != 0 || dueAt.Millisecond != 0 || dueAt.Microsecond != 0)
        {
            // A schedule's start is a wall-clock minute.
            throw new ArgumentException("The due time must be a whole minute.", nameof(dueAt));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var start = TimeZoneInfo.ConvertTime(dueAt + TimeSpan.FromHours(1), zone);
        var startTime = TimeOnly.FromDateTime(start.DateTime);
        var firstDate = DateOnly.FromDateTime(start.DateTime);
        var weekly = "FREQ=WEEKLY;BYDAY=" + Weekdays[(int)start.DayOfWeek];
        using var database = new SqliteDatabase(databasePath);
        var store = new SqliteMeetingStore(database);
        for (long chat = 1; chat <= chats; chat++)
        {
            var schedule = new MeetingSchedule(chat % 2 == 1 ? weekly : string.Empty, startTime, firstDate, TimeZone, Title(chat));
            var meeting = new Meeting(
                Meeting.NewId(),
                "telegram:" + chat.ToString(CultureInfo.InvariantCulture),
                chat.ToString(CultureInfo.InvariantCulture),
                schedule,
                MeetingStatus.Active,
                "en",
                now,
                now);
            await store.SaveAsync(meeting, cancellationToken).ConfigureAwait(false);
        }
    }
}
