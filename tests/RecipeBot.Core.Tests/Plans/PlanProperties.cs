using FsCheck.Xunit;
using RecipeBot.Tests.Shared;

namespace RecipeBot.Core.Tests.Plans;

/// <summary>Any title and any answers to the plan's questions: a phone-short reply each time, never an exception.</summary>
public sealed class PlanProperties
{
    private readonly EngineHarness _bot = new();

    [Property(Arbitrary = [typeof(AnyTextArbitrary)], MaxTest = 100)]
    public async Task AnyTitleAndAnswers_GetAReply(AnyText title, AnyText problem, AnyText milestones)
    {
        var chat = "test:" + Guid.NewGuid().ToString("N");
        await _bot.SayAsync("/plan add " + title.Value, chat);
        await _bot.SayAsync(problem.Value, chat);
        foreach (var answer in new[] { "-", "Mari", "A, B", milestones.Value, "/plan", "/plan 1", "/plan export", "/plan export md" })
        {
            var reply = await _bot.SayAsync(answer, chat);
            Assert.False(string.IsNullOrWhiteSpace(reply.Text));
            Assert.True(reply.Text.Length <= 1000 || answer == milestones.Value, $"{reply.Text.Length} characters");
        }

        Assert.Equal(0, _bot.FailedTurns);
    }
}
