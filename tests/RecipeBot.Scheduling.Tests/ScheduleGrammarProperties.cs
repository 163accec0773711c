using FsCheck.Xunit;
using RecipeBot.Scheduling;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Scheduling.Tests;

/// <summary>Arbitrary Unicode into the schedule grammar, in each language: a reading or a hint, never an exception.</summary>
public class ScheduleGrammarProperties
{
    private static readonly HashSet<string> ErrorCodes =
        [.. typeof(ScheduleErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!)];

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 200)]
    public void AnyText_InAnyLanguage_IsAReadingOrAKnownError(AnyText text)
    {
        foreach (var language in new[] { "et", "en", "ru" })
        {
            var result = ScheduleGrammar.Parse(text.Value, language, ParseOutcome.Now);

            switch (result)
            {
                case ScheduleParseResult.Invalid invalid:
                    Assert.Contains(invalid.ErrorCode, ErrorCodes);
                    Assert.Equal("schedule.hint." + invalid.ErrorCode, invalid.HintKey);
                    break;
                case ScheduleParseResult.Success success:
                    AssertFollowable(success.Schedule, text.Value);
                    break;
                case ScheduleParseResult.Ambiguous ambiguous:
                    Assert.Equal(2, ambiguous.Alternatives.Count);
                    foreach (var alternative in ambiguous.Alternatives)
                    {
                        AssertFollowable(alternative.Schedule, text.Value);
                    }

                    break;
                default:
                    Assert.Fail($"Unexpected result {result}");
                    break;
            }
        }
    }

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 200)]
    public void AnyTextAroundASchedule_NeverMakesAnUnusableOne(AnyText before, AnyText after)
    {
        var text = before.Value + " every 3 weeks on Monday at 10 " + after.Value;

        var result = ScheduleGrammar.Parse(text, "en", ParseOutcome.Now);

        if (result is ScheduleParseResult.Success success)
        {
            AssertFollowable(success.Schedule, text);
        }
    }

    /// <summary>Within the limits, with dates, and with title and place cut from the text as typed.</summary>
    private static void AssertFollowable(MeetingSchedule schedule, string text)
    {
        Assert.True(schedule.IsUsable, schedule.RecurrenceRule);
        Assert.NotEmpty(schedule.Next(ParseOutcome.Now, 3));
        Assert.True(schedule.Title is null || text.Contains(schedule.Title, StringComparison.Ordinal), $"title '{schedule.Title}' is not in the text");
        Assert.True(schedule.Place is null || text.Contains(schedule.Place, StringComparison.Ordinal), $"place '{schedule.Place}' is not in the text");
    }
}
