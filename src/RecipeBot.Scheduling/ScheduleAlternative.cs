namespace RecipeBot.Scheduling;

/// <summary>One reading of an ambiguous text; <paramref name="DescriptionKey"/> is a text key such as <c>schedule.every-other-week</c>.</summary>
public sealed record ScheduleAlternative(string DescriptionKey, MeetingSchedule Schedule);
