using System.Diagnostics;
using System.Text;
using RecipeBot.EndToEnd.Tests.TelegramEmulator;

namespace RecipeBot.EndToEnd.Tests;

/// <summary>
/// <c>run</c> starts itself again in place with the framework compiled for this machine (<c>DOTNET_ReadyToRun=0</c>):
/// the same process, serving and stopping as before; a choice the operator made is kept, and <c>chat</c> starts as it is.
/// </summary>
public sealed class FrameworkCodeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-framework-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Run_StartsAgainInTheSameProcess_WithTheFrameworkCompiledForThisMachine()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var bot = StartRun(readyToRun: null);
        var baseUrl = await ListeningAtAsync(bot, timeout.Token);

        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri(baseUrl, "/health"), timeout.Token);
        var environment = Entries($"/proc/{bot.Id}/environ");
        var commandLine = Entries($"/proc/{bot.Id}/cmdline");
        Signal("TERM", bot.Id);
        var exitCode = await bot.WaitForExitAsync(timeout.Token);

        Assert.True(health.IsSuccessStatusCode, bot.Log);
        Assert.Contains("DOTNET_ReadyToRun=0", environment);
        Assert.Equal(["dotnet", BotProcess.ProgramPath, "run"], commandLine);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Run_WithReadyToRunSetByTheOperator_KeepsTheirChoice()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var bot = StartRun(readyToRun: "1");
        await ListeningAtAsync(bot, timeout.Token);

        var environment = Entries($"/proc/{bot.Id}/environ");

        Assert.Contains("DOTNET_ReadyToRun=1", environment);
        Assert.DoesNotContain("DOTNET_ReadyToRun=0", environment);
    }

    [Fact]
    public async Task Chat_StartsAsItIs()
    {
        using var chat = ChatProcess.Start(_directory, new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(_directory, "chat.db") });
        var reply = await chat.SayAsync("/start");

        var environment = Entries($"/proc/{chat.Id}/environ");

        Assert.Equal(System.Text.Json.JsonValueKind.Object, reply.ValueKind);
        Assert.DoesNotContain(environment, entry => entry.StartsWith("DOTNET_ReadyToRun=", StringComparison.Ordinal));
    }

    private BackgroundProcess StartRun(string? readyToRun)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["WebChat__Enabled"] = "true",
            ["WebChat__MunicipalityName"] = "Tartu vald",
            ["Storage__SqlitePath"] = Path.Combine(_directory, "bot.db"),
            ["Urls"] = "http://127.0.0.1:0",
            ["Reminders__Enabled"] = "false",
            // The one line that tells the port Kestrel picked.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        if (readyToRun is not null)
        {
            environment["DOTNET_ReadyToRun"] = readyToRun;
        }

        return BackgroundProcess.Start("RecipeBot run", "dotnet", [BotProcess.ProgramPath, "run"], _directory, environment);
    }

    private static async Task<Uri> ListeningAtAsync(BackgroundProcess bot, CancellationToken cancellationToken)
    {
        var line = await bot.WaitForOutputLineAsync(l => l.Contains("Now listening on: http://", StringComparison.Ordinal), cancellationToken);
        return new Uri(line[line.IndexOf("http://", StringComparison.Ordinal)..].Trim());
    }

    /// <summary>A NUL-separated file of <c>/proc</c> as its entries.</summary>
    private static string[] Entries(string path) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(path)).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static void Signal(string signal, int processId)
    {
        using var kill = Process.Start("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
