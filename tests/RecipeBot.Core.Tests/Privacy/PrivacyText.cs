using RecipeBot.Core.Content;
using RecipeBot.Core.Meetings;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Tests.Privacy;

/// <summary>The repository's texts as the bot fills them in, and a meeting to find again.</summary>
internal static class PrivacyText
{
    private static readonly ContentSet Content = RepositoryContent.Compile().Content;

    public static string Of(string key, string language, params (string Name, string Value)[] values) =>
        TextTemplate.Render(Content.Text(key, language), values);

    public static Meeting Meeting(string conversationId, string? createdBy, string title) => new(
        Core.Meetings.Meeting.NewId(),
        conversationId,
        createdBy,
        new MeetingSchedule("FREQ=WEEKLY;BYDAY=TU", new TimeOnly(18, 0), new DateOnly(2026, 11, 24), "Europe/Tallinn", title, "Zebra hall"),
        MeetingStatus.Active,
        "en",
        new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
}
