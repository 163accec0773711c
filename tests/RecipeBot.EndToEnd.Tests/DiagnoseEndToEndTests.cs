using System.Text.Json;

namespace RecipeBot.EndToEnd.Tests;

public sealed class DiagnoseEndToEndTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-diagnose-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task DiagnoseJsonl_AnswersEachPhrase_WithIntentConfidenceAndAlternatives()
    {
        const string input = """
            {"text": "vald ei taha meiega rääkida"}
            {"text": "what's the weather like tomorrow"}
            broken line
            {"text": "каждый понедельник в 10 напомни о встрече"}
            """;

        var (exitCode, output, error) = await BotProcess.RunAsync(_directory, input, null, "diagnose", "--jsonl");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("vald ei taha meiega rääkida", lines[0].GetProperty("text").GetString());
        Assert.Equal("contact/council-reluctant", lines[0].GetProperty("intent").GetString());
        Assert.InRange(lines[0].GetProperty("confidence").GetDouble(), 0.0, 1.0);
        Assert.Equal(3, lines[0].GetProperty("alternatives").GetArrayLength());
        Assert.True(lines[0].GetProperty("alternatives")[0].GetProperty("confidence").GetDouble() <= lines[0].GetProperty("confidence").GetDouble());
        Assert.Equal("none", lines[1].GetProperty("intent").GetString());
        Assert.True(lines[2].TryGetProperty("error", out _));
        Assert.Equal("schedule-meeting", lines[3].GetProperty("intent").GetString());
    }
}
