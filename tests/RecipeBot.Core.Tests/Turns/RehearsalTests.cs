using RecipeBot.Core.Turns;

namespace RecipeBot.Core.Tests.Turns;

public sealed class RehearsalTests
{
    [Fact]
    public async Task AWalk_TakesItsTurnsInEveryLanguage_AndEachIsAnsweredInItsLanguage()
    {
        var rehearsal = new Rehearsal(RepositoryContent.Compile(), RepositoryContent.Diagnoser, TimeProvider.System);

        await rehearsal.WalkAsync(walks: 2, steps: 6, CancellationToken.None);

        var replies = await rehearsal.Outbox.PendingAsync("rehearsal:", 0, 10_000, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Equal(rehearsal.TurnsTaken, replies.Count);
        Assert.Equal(["en", "et", "ru"], replies.Select(r => r.Message.Language).Distinct().Order());
        Assert.All(replies, r => Assert.StartsWith($"rehearsal:{r.Message.Language}:", r.Message.ConversationId, StringComparison.Ordinal));
        // Every walk went past the first question, and its typed situations were recognised, in every language.
        foreach (var language in rehearsal.Languages)
        {
            var own = replies.Where(r => r.Message.Language == language).ToList();
            Assert.True(own.Select(r => r.Message.State).Distinct().Count() >= 4, $"{language}: the walks stayed in {own.Count} states");
            Assert.Contains(own, r => r.Message.Recipes.Count > 0 || r.Message.Choices.Any(c => c.Id.StartsWith("recipe", StringComparison.Ordinal)));
        }
    }
}
