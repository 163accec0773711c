using System.Text.Json;
using Xunit.Abstractions;

namespace RecipeBot.EndToEnd.Tests.WebChatClient;

/// <summary>
/// The built program's web chat against clients written by others: Microsoft's Direct Line client
/// (<c>botframework-directlinejs</c>, in Node) polling and over the WebSocket stream, and Microsoft's Web Chat in
/// Debian's Chromium (headless, driven by puppeteer-core). <c>npm ci</c> in this folder installs them.
/// </summary>
public sealed class WebChatEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const string ClientFolder = "WebChatClient";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);

    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webchat-e2e-").FullName;
    private WebChatBotProcess? _bot;

    public void Dispose()
    {
        if (_bot is not null)
        {
            output.WriteLine(_bot.Log);
        }

        _bot?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("polling")]
    [InlineData("websocket")]
    public async Task MicrosoftsDirectLineClient_GetsATokenAndTheAnswersWithButtons_AndPressesThem(string mode)
    {
        // Arrange
        using var timeout = new CancellationTokenSource(Timeout);
        var client = await StartAsync(timeout.Token);

        // Act
        var (exitCode, stdout, stderr) = await NodePackages.RunAsync("node", ["directline-client.js", _bot!.BaseUrl.ToString(), mode], client, timeout.Token);
        output.WriteLine(stdout + stderr);
        var steps = Steps(stdout);

        // Assert
        Assert.True(exitCode == 0, $"directline-client.js exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Equal(1800, steps["token"].GetProperty("expiresIn").GetInt32(), tolerance: 5);
        Assert.StartsWith("Hello! I am RecipeBot.", steps["greeting"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Hello! I am RecipeBot.", steps["start"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["et", "en", "ru"], Buttons(steps["start"]).Select(b => b.Choice));
        Assert.All(Buttons(steps["start"]), b => Assert.Equal("messageBack", b.Type));
        Assert.True(steps["echo"].GetProperty("echoed").GetBoolean());
        Assert.StartsWith("Who are you?", steps["pressed"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(("Municipal official", "official"), Buttons(steps["pressed"]).Select(b => (b.Title, b.Choice)));
        Assert.Contains(("Making contact", "contact"), Buttons(steps["pressed-again"]).Select(b => (b.Title, b.Choice)));
        Assert.Equal(steps["token"].GetProperty("conversationId").GetString(), steps["pressed-again"].GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task WebChatInChromium_OpensThePage_AnswersATypedQuestionWithRecipes_AndTakesAButton()
    {
        // Arrange: CI installs Debian's chromium (.ci/run); a machine without it fails here rather than pass unseen.
        var chromium = Chromium.Find() ?? throw new InvalidOperationException(
            "No Chromium found (chromium or chromium-browser on PATH, or CHROMIUM_PATH). Install it: apt-get install -y chromium.");
        using var timeout = new CancellationTokenSource(Timeout);
        var client = await StartAsync(timeout.Token);
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "webchat")).FullName;

        // Act
        var (exitCode, stdout, stderr) = await NodePackages.RunAsync("node", ["browser.js", _bot!.BaseUrl.ToString(), chromium, screenshots], client, timeout.Token);
        output.WriteLine(stdout + stderr);
        output.WriteLine($"Screenshots: {screenshots}");
        var steps = Steps(stdout);

        // Assert
        Assert.True(exitCode == 0, $"browser.js exited with {exitCode}:\n{stdout}\n{stderr}");
        Assert.Equal("Tartu vald · Open government advice", steps["page"].GetProperty("heading").GetString());
        Assert.Equal(["Eesti keel", "English", "Русский"], steps["greeting"].GetProperty("buttons").EnumerateArray().Select(b => b.GetString()));
        Assert.Contains("Announce openly that you're looking for partners", steps["recipes"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("I have a different problem", steps["recipes"].GetProperty("buttons").EnumerateArray().Select(b => b.GetString()));
        // The first recipe of the overview, opened: its steps.
        Assert.Equal("Announce openly that you're looking for partners", steps["pressed"].GetProperty("label").GetString());
        Assert.Contains("Write a short call for partners", steps["pressed"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(screenshots, "webchat-recipes.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(screenshots, "webchat-pressed.png")).Length > 10_000);
    }

    private async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        var client = await NodePackages.InstalledAsync(ClientFolder, "botframework-directlinejs", cancellationToken);
        _bot = await WebChatBotProcess.StartAsync(_directory, client, environment: null, unset: null, cancellationToken);
        return client;
    }

    private static Dictionary<string, JsonElement> Steps(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .GroupBy(step => step.GetProperty("step").GetString()!)
            .ToDictionary(g => g.Key, g => g.Last());

    private static List<(string Title, string Type, string Choice)> Buttons(JsonElement step) =>
        [.. step.GetProperty("buttons").EnumerateArray().Select(b => (b.GetProperty("title").GetString()!, b.GetProperty("type").GetString()!, b.GetProperty("choice").GetString()!))];
}
