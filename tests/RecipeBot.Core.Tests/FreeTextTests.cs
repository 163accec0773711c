using RecipeBot.Core.Diagnosis;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Loading;

namespace RecipeBot.Core.Tests;

/// <summary>Free text in the conversation: straight to the situation, "did you mean?", and back to the menu.</summary>
public sealed class FreeTextTests
{
    private readonly EngineHarness _bot = new(understandsFreeText: true);

    /// <summary>An evaluation phrase the model is unsure about (between the two thresholds), found, not hard-coded.</summary>
    private static string UnsurePhrase()
    {
        var problems = new List<ContentProblem>();
        var phrases = IntentExampleLoader.Load(RepositoryContent.Directory, RepositoryContent.Content, IntentExampleLoader.EvaluationFolder, problems);
        var thresholds = RepositoryContent.Diagnoser.Thresholds;
        return phrases.Select(p => p.Text).First(text =>
        {
            var d = RepositoryContent.Diagnoser.Diagnose(text);
            return d.Intent != Intents.None && d.Confidence < thresholds.Accept && d.Confidence >= thresholds.Clarify
                && RepositoryContent.Content.SituationsById.ContainsKey(d.Intent);
        });
    }

    [Fact]
    public async Task AtTheStart_AClearProblem_GoesStraightToItsRecipes_InTheLanguageItIsWrittenIn()
    {
        var reply = await _bot.SayAsync("we can't find any NGOs to work with");

        Assert.Equal("contact/no-partners", reply.State);
        Assert.Equal("en", reply.Language);
        Assert.NotEmpty(reply.Recipes);
    }

    [Fact]
    public async Task InTheMiddleOfAFlow_AClearNewSituation_SwitchesToIt_AndBackReturns()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("et");
        await _bot.SayAsync("activist");

        var reply = await _bot.SayAsync("vald ei taha meiega rääkida");

        Assert.Equal("contact/council-reluctant", reply.State);
        Assert.Equal("et", reply.Language);
        Assert.Equal("phase", (await _bot.SayAsync("/back")).State);
    }

    [Fact]
    public async Task WhenUnsure_TheBotAsksWhichOfTwo_AndTheAnswerLeadsThere()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");
        var phrase = UnsurePhrase();

        var question = await _bot.SayAsync(phrase);

        Assert.Equal("Did you mean one of these?", question.Text);
        Assert.Equal(3, question.Choices.Count);
        Assert.All(question.Choices.Take(2), c => Assert.StartsWith(RecipeEngine.IntentChoicePrefix, c.Id, StringComparison.Ordinal));
        Assert.Equal(RecipeEngine.NeitherChoiceId, question.Choices[2].Id);
        var picked = question.Choices[1].Id[RecipeEngine.IntentChoicePrefix.Length..];
        var answer = await _bot.SayAsync("2");
        Assert.Equal(picked, answer.State);
    }

    [Fact]
    public async Task Neither_AsksToRephrase_AndASecondMiss_ShowsTheMenu()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");
        await _bot.SayAsync("official");
        await _bot.SayAsync(UnsurePhrase());

        var rephrase = await _bot.SayAsync(RecipeEngine.NeitherChoiceId);
        var menu = await _bot.SayAsync("what's the weather in Tartu tomorrow?");

        Assert.StartsWith("All right. Please describe your problem in other words", rephrase.Text, StringComparison.Ordinal);
        Assert.Equal("phase", rephrase.State);
        Assert.StartsWith("I still can't tell what you mean. Here are the choices:", menu.Text, StringComparison.Ordinal);
        Assert.Equal("phase", menu.State);
        Assert.Contains(menu.Choices, c => c.Id == "contact");
    }

    [Fact]
    public async Task AnEarlierClarificationButton_PressedLater_StillLeadsToItsSituation()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");

        var reply = await _bot.SayAsync(RecipeEngine.IntentChoicePrefix + "planning/priorities");

        Assert.Equal("planning/priorities", reply.State);
        Assert.NotEmpty(reply.Recipes);
    }

    [Fact]
    public async Task OffTopicText_IsNotGuessedAt()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");

        var reply = await _bot.SayAsync("tell me a joke about cats");

        Assert.Equal("role", reply.State);
        Assert.StartsWith("I didn't understand that.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWishForARegularMeeting_IsUnderstood()
    {
        await _bot.SayAsync("/start");
        await _bot.SayAsync("en");

        var reply = await _bot.SayAsync("please remind our working group about the meeting every monday");

        // The wish is understood; the time is missing, so the bot says so and asks.
        Assert.StartsWith("Please add a time as well", reply.Text, StringComparison.Ordinal);
        Assert.Contains("When do you meet?", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Choices, c => c.Id == "sched:freq:weekly");
    }

    [Fact]
    public void TheTrainedModel_IsCached_AndReusedOnlyForTheSameExamples()
    {
        var cache = Path.Combine(Path.GetTempPath(), $"recipebot-model-{Guid.NewGuid():N}.bin");
        try
        {
            var first = IntentDiagnoser.FromContent(RepositoryContent.Directory, RepositoryContent.Content, out var trained, cache);
            var written = File.GetLastWriteTimeUtc(cache);
            var second = IntentDiagnoser.FromContent(RepositoryContent.Directory, RepositoryContent.Content, out var loaded, cache);

            Assert.True(File.Exists(cache));
            Assert.Equal(written, File.GetLastWriteTimeUtc(cache));
            Assert.Equal(first.Thresholds, second.Thresholds);
            foreach (var text in new[] { "vald ei taha meiega rääkida", "hello", "мы не можем найти НКО" })
            {
                Assert.Equal(first.Diagnose(text), second.Diagnose(text), (a, b) => a.Intent == b.Intent && Math.Abs(a.Confidence - b.Confidence) < 1e-6);
            }

            Assert.True(loaded < trained, $"loading took {loaded}, training {trained}");
        }
        finally
        {
            File.Delete(cache);
        }
    }

    [Theory]
    [InlineData("call me at +372 5123 4567 or mail mari.maasikas@example.ee", "call me at <number> or mail <email>")]
    [InlineData("@kalle says see https://vald.ee/plaan", "<user> says see <url>")]
    public void LoggedText_IsAnonymised(string text, string expected)
    {
        Assert.Equal(expected, Anonymizer.Mask(text));
    }
}
