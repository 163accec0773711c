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
    public async Task ChatJsonl_ProposesAScheduleWithItsNextDates_SavesIt_AndALaterProcessListsIt()
    {
        const string firstRun = """
            {"text": "/start"}
            {"text": "en"}
            {"text": "every second Tuesday of the month at 18:00"}
            {"text": "sched:save"}
            """;

        var (exitCode, output, error) = await BotProcess.RunAsync(_directory, firstRun, Environment, "chat", "--jsonl");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.False(lines[1].TryGetProperty("schedule", out _));
        foreach (var line in lines[2..])
        {
            var schedule = line.GetProperty("schedule");
            Assert.Equal("FREQ=MONTHLY;BYDAY=2TU", schedule.GetProperty("rrule").GetString());
            Assert.Equal("Europe/Tallinn", schedule.GetProperty("timeZone").GetString());
            var next = schedule.GetProperty("next").EnumerateArray().Select(n => n.GetString()!).ToList();
            Assert.Equal(3, next.Count);
            foreach (var text in next)
            {
                // ISO 8601 with the local offset: the second Tuesday of a month at 18:00 Tallinn time.
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T18:00:00\+0[23]:00$", text);
                var start = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(DayOfWeek.Tuesday, start.DayOfWeek);
                Assert.InRange(start.Day, 8, 14);
            }
        }

        Assert.StartsWith("Saved: on the second Tuesday of every month at 18:00.", lines[3].GetProperty("text").GetString(), StringComparison.Ordinal);

        var (secondExit, secondOutput, secondError) = await BotProcess.RunAsync(_directory, """{"text": "/meetings"}""" + "\n", Environment, "chat", "--jsonl");

        Assert.True(secondExit == 0, secondError);
        var list = JsonDocument.Parse(secondOutput.Trim()).RootElement;
        Assert.Contains("1. on the second Tuesday of every month at 18:00", list.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("mtg:", list.GetProperty("choices")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
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
    public async Task Graph_PrintsEachDialogsMermaidStateDiagram_TheMenuFirst()
    {
        var (exitCode, output, _) = await BotProcess.RunAsync(_directory, "", null, "graph");

        Assert.Equal(0, exitCode);
        output = output.ReplaceLineEndings("\n");
        Assert.StartsWith("%% menu\nstateDiagram-v2\n", output, StringComparison.Ordinal);
        Assert.Contains("contact/no-partners", output, StringComparison.Ordinal);
        foreach (var dialog in new[] { "clarification", "schedule", "meeting", "next step" })
        {
            Assert.Contains($"\n%% {dialog}\nstateDiagram-v2\n", output, StringComparison.Ordinal);
        }
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
