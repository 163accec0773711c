using System.Text.Json;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Tests;

namespace RecipeBot.Channels.Terminal.Tests;

/// <summary>Free text and the "did you mean?" question through the JSON-lines terminal channel.</summary>
public sealed class FreeTextJsonLinesTests
{
    private readonly EngineHarness _bot = new(understandsFreeText: true);

    private async Task<List<JsonElement>> RunAsync(params string[] texts)
    {
        var input = string.Join('\n', texts.Select(t => JsonSerializer.Serialize(new { text = t })));
        var output = await TerminalBed.RunJsonLinesAsync(_bot, input);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
    }

    [Fact]
    public async Task AProblemTypedAtTheStart_IsAnsweredWithItsRecipes()
    {
        var replies = await RunAsync("мы не можем найти ни одной НКО");

        var reply = Assert.Single(replies);
        Assert.Equal("contact/no-partners", reply.GetProperty("state").GetString());
        Assert.Equal("ru", reply.GetProperty("language").GetString());
        Assert.True(reply.GetProperty("recipes").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task TheClarificationButtons_AreChoicesOfTheReply_AndPressingOneAnswersIt()
    {
        var unsure = RepositoryContent.Diagnoser;
        var phrase = new[]
        {
            "we have some trouble with the people in the village",
            "the plan and the people",
            "nobody",
            "meetings are a problem",
            "kohtumistega on probleeme",
            "проблема с жителями",
        }.FirstOrDefault(p =>
        {
            var d = unsure.Diagnose(p);
            return d.Intent != "none" && d.Confidence < unsure.Thresholds.Accept && d.Confidence >= unsure.Thresholds.Clarify;
        });
        Assert.True(phrase is not null, "none of the candidate phrases is one the model is unsure about; pick another");

        var replies = await RunAsync("/start", "en", phrase!, "1");

        var question = replies[2];
        var choices = question.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.StartsWith(RecipeEngine.IntentChoicePrefix, choices[0], StringComparison.Ordinal);
        Assert.Equal(RecipeEngine.NeitherChoiceId, choices[^1]);
        var target = choices[0][RecipeEngine.IntentChoicePrefix.Length..];
        Assert.Equal(target, replies[3].GetProperty("state").GetString());
    }
}
