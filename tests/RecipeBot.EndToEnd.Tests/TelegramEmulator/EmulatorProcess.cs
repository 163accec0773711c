using System.ComponentModel;
using System.Text.Json;

namespace RecipeBot.EndToEnd.Tests.TelegramEmulator;

/// <summary>
/// telegram-test-api, a Telegram Bot API emulator from npm, started with Node through <c>emulator.js</c>
/// in this folder of the repository, on a free loopback port.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly BackgroundProcess _process;

    private EmulatorProcess(BackgroundProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where both the bot (<c>/bot&lt;token&gt;/…</c>) and the simulated user talk to the emulator.</summary>
    public Uri BaseUrl { get; }

    public string Log => _process.Log;

    public static async Task<EmulatorProcess> StartAsync(CancellationToken cancellationToken)
    {
        // A fresh checkout: install the pinned emulator, so `dotnet test` alone works.
        var directory = await NodePackages.InstalledAsync("TelegramEmulator", "telegram-test-api", cancellationToken);
        BackgroundProcess process;
        try
        {
            process = BackgroundProcess.Start("telegram-test-api (node emulator.js)", "node", ["emulator.js", "0"], directory);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is not on PATH; install it (CI's .ci/run does) and run `npm ci` in " + directory + ".", e);
        }

        try
        {
            var line = await process.WaitForOutputLineAsync(l => l.StartsWith("{\"port\":", StringComparison.Ordinal), cancellationToken);
            var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
            return new EmulatorProcess(process, new Uri($"http://127.0.0.1:{port}"));
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            var log = process.Log;
            process.Dispose();
            throw new InvalidOperationException($"The emulator did not start: {e.Message}\n{log}", e);
        }
    }

    public void Dispose() => _process.Dispose();
}
