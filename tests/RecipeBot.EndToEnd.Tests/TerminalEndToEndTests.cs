using System.Text.Json;

namespace RecipeBot.EndToEnd.Tests;

public sealed class TerminalEndToEndTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-e2e-").FullName;

    private Dictionary<string, string> Environment => new() { ["Storage__SqlitePath"] = Path.Combine(_directory, "state", "bot.db") };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ChatJsonl_WalksFromStartToARecipe_AndARestartedProcessContinues()
    {
        const string firstRun = """
            {"text": "/start"}
            {"text": "en"}
            {"text": "2"}
            {"text": "Making contact"}
            not json at all
            {"text": "council-reluctant"}
            """;

        var (exitCode, output, error) = await BotProcess.RunAsync(_directory, firstRun, Environment, "chat", "--jsonl");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal(["language", "role", "phase", "contact"], lines.Take(4).Select(l => l.GetProperty("state").GetString()));
        Assert.True(lines[4].TryGetProperty("error", out _));
        Assert.Equal("contact/council-reluctant", lines[5].GetProperty("state").GetString());
        Assert.Contains("contact/council-reluctant/publish-info", lines[5].GetProperty("recipes").EnumerateArray().Select(r => r.GetString()));

        var (secondExit, secondOutput, secondError) = await BotProcess.RunAsync(_directory, """{"text": "/back"}""" + "\n", Environment, "chat", "--jsonl");

        Assert.True(secondExit == 0, secondError);
        Assert.Equal("contact", JsonDocument.Parse(secondOutput.Trim()).RootElement.GetProperty("state").GetString());
        Assert.True(File.Exists(Path.Combine(_directory, "state", "bot.db")));
    }

    [Fact]
    public async Task Validate_OnTheShippedContent_SucceedsAndCountsIt()
    {
        var (exitCode, output, _) = await BotProcess.RunAsync(_directory, "", null, "validate");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("OK: ", output, StringComparison.Ordinal);
        Assert.Contains("7 situations", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OnBrokenContent_ListsTheProblemAndExitsWithOne()
    {
        var broken = Path.Combine(_directory, "dialogs");
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "dialogs"), broken);
        var flow = Path.Combine(broken, "flow.yaml");
        File.WriteAllText(flow, File.ReadAllText(flow).Replace("goto: role }", "goto: rolee }", StringComparison.Ordinal));

        var (exitCode, output, _) = await BotProcess.RunAsync(_directory, "", null, "validate", "--content", broken);

        Assert.Equal(1, exitCode);
        Assert.Contains("flow.yaml:10: choice 'et' of state 'language' leads to state 'rolee', which does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_PrintsAMermaidStateDiagram()
    {
        var (exitCode, output, _) = await BotProcess.RunAsync(_directory, "", null, "graph");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("stateDiagram-v2", output, StringComparison.Ordinal);
        Assert.Contains("contact/no-partners", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCommand_ExitsWithTwoAndUsage()
    {
        var (exitCode, _, error) = await BotProcess.RunAsync(_directory, "", null, "fly");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command 'fly'.", error, StringComparison.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
