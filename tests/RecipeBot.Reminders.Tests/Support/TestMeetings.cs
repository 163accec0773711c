using System.Globalization;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>The meetings the tests use, all in Europe/Tallinn.</summary>
public static class TestMeetings
{
    public const string Conversation = "test:working-group";

    /// <summary>Second Tuesday of every month at 18:00, from 13 January 2026.</summary>
    public static MeetingSchedule MonthlySchedule { get; } = new("FREQ=MONTHLY;BYDAY=2TU", new TimeOnly(18, 0), new DateOnly(2026, 1, 13), Title: "Working group");

    /// <summary>Every other Wednesday at 17:00, from 7 January 2026.</summary>
    public static MeetingSchedule FortnightlySchedule { get; } = new("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", new TimeOnly(17, 0), new DateOnly(2026, 1, 7));

    public static Meeting Monthly(string id = "monthly001", string conversation = Conversation, string created = "2026-01-01T00:00Z") =>
        Create(id, conversation, MonthlySchedule, created);

    public static Meeting Fortnightly(string id = "fortnight1", string created = "2026-01-01T00:00Z") =>
        Create(id, Conversation, FortnightlySchedule, created);

    /// <summary>A single meeting on <paramref name="date"/> at <paramref name="time"/> Tallinn time.</summary>
    public static Meeting Once(string id, DateOnly date, TimeOnly time, string created = "2026-01-01T00:00Z", string conversation = Conversation) =>
        Create(id, conversation, new MeetingSchedule(string.Empty, time, date), created);

    public static Meeting Create(string id, string conversation, MeetingSchedule schedule, string created) =>
        new(id, conversation, "user-1", schedule, MeetingStatus.Active, "et", Utc(created), Utc(created));

    /// <summary><c>2026-03-10T16:00Z</c> as an instant.</summary>
    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
