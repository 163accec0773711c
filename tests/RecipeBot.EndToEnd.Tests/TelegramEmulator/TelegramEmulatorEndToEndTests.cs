using Xunit.Abstractions;

namespace RecipeBot.EndToEnd.Tests.TelegramEmulator;

/// <summary>
/// The built program's Telegram channel against telegram-test-api, a Bot API emulator written by others
/// (npm; <c>npm ci</c> in this folder installs it): long polling, inline keyboards and callback queries
/// over real HTTP, with nothing of ours on the other side.
/// </summary>
public sealed class TelegramEmulatorEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const string BotToken = "123456789:emulator-token_for-RecipeBot";

    // Start-up, until the answer to /start: the bot loads and prepares its content first, which has taken
    // over 15 s on a busy 2-core machine. The walk after it: Telegram's limit of one message per second per chat.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan WalkTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-telegram-e2e-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private EmulatorProcess? _emulator;
    private BackgroundProcess? _bot;
    private SimulatedUser? _user;

    public void Dispose()
    {
        // Also on success: the timings show how close a slow machine comes to the time limit.
        output.WriteLine(Diagnostics());
        _bot?.Dispose();
        _emulator?.Dispose();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AUser_PressingButtonsFromStart_GetsTheRecipesOfTheirSituationInEnglish()
    {
        using var startTimeout = new CancellationTokenSource(StartTimeout);
        using var walkTimeout = new CancellationTokenSource();
        try
        {
            // Arrange
            var user = await StartAsync(startTimeout.Token);

            // Act
            await user.SendCommandAsync("/start", startTimeout.Token);
            var welcome = await user.ReceiveReplyAsync(startTimeout.Token);
            walkTimeout.CancelAfter(WalkTimeout);
            var cancellationToken = walkTimeout.Token;
            var role = await user.PressAsync(welcome, "en", cancellationToken);
            var phase = await user.PressAsync(role, "official", cancellationToken);
            var situations = await user.PressAsync(phase, "contact", cancellationToken);
            var recipes = await user.PressAsync(situations, "no-partners", cancellationToken);

            // Assert
            // The welcome's question, then the privacy notice of a first contact.
            Assert.Contains("Mis keeles räägime?\n\n🔒", welcome.Text, StringComparison.Ordinal);
            Assert.EndsWith("/forget – kustuta kõik.", welcome.Text, StringComparison.Ordinal);
            Assert.StartsWith("Who are you?", role.Text, StringComparison.Ordinal);
            Assert.Contains(("Making contact", "contact"), phase.Buttons);
            Assert.StartsWith("What is getting in the way of making contact?", situations.Text, StringComparison.Ordinal);
            Assert.Contains("What helps with “We can't find NGOs or active residents”:", recipes.Text, StringComparison.Ordinal);
            Assert.Contains("Announce openly that you're looking for partners", recipes.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Retseptid", recipes.Text, StringComparison.Ordinal);
        }
        catch (Exception e)
        {
            var reason = walkTimeout.IsCancellationRequested ? $"The walk took over {WalkTimeout.TotalSeconds} s. "
                : startTimeout.IsCancellationRequested ? $"No answer to /start within {StartTimeout.TotalSeconds} s of starting. "
                : "";
            Assert.Fail($"{reason}{e}\n\n{Diagnostics()}");
        }
    }

    private async Task<SimulatedUser> StartAsync(CancellationToken cancellationToken)
    {
        _emulator = await EmulatorProcess.StartAsync(cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Telegram__BotToken"] = BotToken,
            ["Telegram__BaseUrl"] = _emulator.BaseUrl.ToString(),
            ["Telegram__PollingTimeoutSeconds"] = "1",
            ["Storage__SqlitePath"] = Path.Combine(_directory, "bot.db"),
            ["Urls"] = "http://127.0.0.1:0",
        };
        _bot = BackgroundProcess.Start("RecipeBot run", "dotnet", [BotProcess.ProgramPath, "run"], _directory, environment);
        // No need to wait for the bot: the emulator keeps the user's messages until the bot polls.
        _user = new SimulatedUser(_http, _emulator.BaseUrl, BotToken, TimeProvider.System);
        return _user;
    }

    private string Diagnostics() =>
        $"--- the chat ---\n{_user?.Transcript}\n{_bot?.Log}\n{_emulator?.Log}";
}
