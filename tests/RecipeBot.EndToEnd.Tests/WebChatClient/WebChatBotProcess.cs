using RecipeBot.EndToEnd.Tests.TelegramEmulator;

namespace RecipeBot.EndToEnd.Tests.WebChatClient;

/// <summary>
/// The built program's <c>run</c> with only the web chat on, on a free loopback port it reports itself, serving
/// npm's <c>botframework-webchat/dist/webchat.js</c> as its widget script (no CDN in tests).
/// </summary>
internal sealed class WebChatBotProcess : IDisposable
{
    private readonly BackgroundProcess _process;

    private WebChatBotProcess(BackgroundProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Log => _process.Log;

    /// <summary>The process id, as the system knows it.</summary>
    public int Id => _process.Id;

    /// <summary>Waits for the process to end; its exit code.</summary>
    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Starts <c>run</c> with the web chat on, its widget script from <paramref name="clientDirectory"/> (none: the
    /// default) and <paramref name="environment"/> added to the test's own, less the variables in <paramref name="unset"/>.
    /// </summary>
    public static async Task<WebChatBotProcess> StartAsync(
        string workingDirectory,
        string? clientDirectory,
        IDictionary<string, string>? environment,
        IEnumerable<string>? unset,
        CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["WebChat__Enabled"] = "true",
            ["WebChat__MunicipalityName"] = "Tartu vald",
            ["Storage__SqlitePath"] = Path.Combine(workingDirectory, "bot.db"),
            ["Urls"] = "http://127.0.0.1:0",
            // The one line that tells the port Kestrel picked.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        if (clientDirectory is not null)
        {
            settings["WebChat__ScriptFile"] = Path.Combine(clientDirectory, "node_modules", "botframework-webchat", "dist", "webchat.js");
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = BackgroundProcess.Start("RecipeBot run", "dotnet", [BotProcess.ProgramPath, "run"], workingDirectory, settings, unset);
        try
        {
            var line = await process.WaitForOutputLineAsync(l => l.Contains("Now listening on: http://", StringComparison.Ordinal), cancellationToken);
            return new WebChatBotProcess(process, new Uri(line[(line.IndexOf("http://", StringComparison.Ordinal))..].Trim()));
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            var log = process.Log;
            process.Dispose();
            throw new InvalidOperationException($"The bot did not start: {e.Message}\n{log}", e);
        }
    }

    public void Dispose() => _process.Dispose();
}
