using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RecipeBot.EndToEnd.Tests.WebChatClient;

namespace RecipeBot.EndToEnd.Tests;

/// <summary>
/// <c>run</c> starts itself again in place with the framework compiled for this machine (<c>DOTNET_ReadyToRun=0</c>):
/// the same process, with the same arguments and environment, serving, reachable by diagnostic tools and stopping as
/// before; a choice the operator made is kept, and <c>chat</c> starts as it is.
/// </summary>
public sealed class FrameworkCodeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-framework-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Run_StartsAgainInTheSameProcess_WithTheFrameworkCompiledForThisMachine()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var bot = await StartRunAsync(null, timeout.Token);

        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri(bot.BaseUrl, "/health"), timeout.Token);
        var environment = Entries($"/proc/{bot.Id}/environ");
        var commandLine = Entries($"/proc/{bot.Id}/cmdline");
        var diagnostics = await DiagnosticSocketAnswersAsync(bot.Id, timeout.Token);
        Signal("TERM", bot.Id);
        var exitCode = await bot.WaitForExitAsync(timeout.Token);

        Assert.True(health.IsSuccessStatusCode, bot.Log);
        Assert.Equal(["DOTNET_ReadyToRun=0"], environment.Where(e => e.StartsWith("DOTNET_ReadyToRun=", StringComparison.Ordinal)));
        Assert.Contains("WebChat__MunicipalityName=Tartu vald", environment);
        Assert.Contains("Urls=http://127.0.0.1:0", environment);
        Assert.Equal(["dotnet", BotProcess.ProgramPath, "run"], commandLine);
        Assert.True(diagnostics, "The runtime's diagnostic socket does not answer after the restart.");
        Assert.Equal(0, exitCode);
    }

    [Theory]
    [InlineData("DOTNET_ReadyToRun", "1")]
    [InlineData("DOTNET_ReadyToRun", "0")]
    [InlineData("COMPlus_ReadyToRun", "1")]
    public async Task Run_WithReadyToRunSetByTheOperator_KeepsTheirChoice(string variable, string value)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var bot = await StartRunAsync((variable, value), timeout.Token);

        var environment = Entries($"/proc/{bot.Id}/environ");

        Assert.Equal([$"{variable}={value}"], environment.Where(e => e.StartsWith(variable + "=", StringComparison.Ordinal)));
        Assert.Equal(variable == "DOTNET_ReadyToRun" ? 1 : 0, environment.Count(e => e.StartsWith("DOTNET_ReadyToRun=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Chat_StartsAsItIs()
    {
        using var chat = ChatProcess.Start(_directory, new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(_directory, "chat.db") }, FrameworkCode.Choices);
        var reply = await chat.SayAsync("/start");

        var environment = Entries($"/proc/{chat.Id}/environ");

        Assert.Equal(System.Text.Json.JsonValueKind.Object, reply.ValueKind);
        Assert.DoesNotContain(environment, entry => entry.StartsWith("DOTNET_ReadyToRun=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "run" }, null, true)]
    [InlineData(new[] { "run", "--urls", "x" }, null, true)]
    [InlineData(new[] { "chat" }, null, false)]
    [InlineData(new string[0], null, false)]
    [InlineData(new[] { "run" }, "DOTNET_ReadyToRun", false)]
    [InlineData(new[] { "run" }, "COMPlus_ReadyToRun", false)]
    [InlineData(new[] { "run" }, "DOTNET_STARTUP_HOOKS", false)]
    [InlineData(new[] { "run" }, "DOTNET_DiagnosticPorts", false)]
    [InlineData(new[] { "run" }, "CORECLR_ENABLE_PROFILING", false)]
    public void Applies_OnlyToRun_WhenNothingElseDecides(string[] args, string? setVariable, bool applies)
    {
        // Set to an empty value: set all the same.
        var result = FrameworkCode.Applies(args, name => name == setVariable ? "" : null);

        Assert.Equal(applies, result);
    }

    [FsCheck.Xunit.Property]
    public Property Entries_ReadsWhatWasWritten_WithOrWithoutTheLastNul(byte[][] written, bool lastNul)
    {
        var entries = (written ?? []).Select(e => (e ?? []).Where(b => b != 0).ToArray()).ToArray();
        var joined = entries.SelectMany(e => e.Append((byte)0)).ToArray();
        var bytes = lastNul || joined.Length == 0 ? joined : joined[..^1];
        // Without its NUL, an empty last entry leaves no trace.
        var expected = lastNul || entries.Length == 0 || entries[^1].Length > 0 ? entries : entries[..^1];

        var read = FrameworkCode.Entries(bytes);

        return (read.Count == expected.Length && read.Zip(expected).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second)))
            .Label($"{Convert.ToHexString(bytes)} read as {read.Count} entries, not {expected.Length}");
    }

    /// <summary>
    /// <c>run</c> with the web chat on; the test host's own choices (<see cref="FrameworkCode.Choices"/>) are not passed
    /// on, only <paramref name="choice"/>.
    /// </summary>
    private Task<WebChatBotProcess> StartRunAsync((string Name, string Value)? choice, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string> { ["Reminders__Enabled"] = "false" };
        var unset = FrameworkCode.Choices.ToList();
        if (choice is var (name, value))
        {
            environment[name] = value;
            unset.Remove(name);
        }

        return WebChatBotProcess.StartAsync(_directory, clientDirectory: null, environment, unset, cancellationToken);
    }

    /// <summary>Whether the runtime of <paramref name="processId"/> accepts a connection on its diagnostic socket (dotnet-trace, dotnet-counters).</summary>
    private static async Task<bool> DiagnosticSocketAnswersAsync(int processId, CancellationToken cancellationToken)
    {
        var path = Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{processId}-*-socket").SingleOrDefault();
        if (path is null)
        {
            return false;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A NUL-separated file of <c>/proc</c> as its entries, read as the bot reads its own.</summary>
    private static string[] Entries(string path) =>
        [.. FrameworkCode.Entries(File.ReadAllBytes(path)).Select(Encoding.UTF8.GetString)];

    private static void Signal(string signal, int processId)
    {
        using var kill = Process.Start("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
