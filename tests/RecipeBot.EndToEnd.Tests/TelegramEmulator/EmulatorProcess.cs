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
        var directory = FindDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "telegram-test-api")))
        {
            // A fresh checkout: install the pinned emulator, so `dotnet test` alone works.
            await InstallAsync(directory, cancellationToken);
        }

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

    private static async Task InstallAsync(string directory, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo("npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(arg);
        }

        System.Diagnostics.Process npm;
        try
        {
            npm = System.Diagnostics.Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"telegram-test-api is not installed and npm is not on PATH: install Node.js and run `npm ci` in {directory} (CI's .ci/run does).", e);
        }

        using (npm)
        {
            var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = npm.StandardError.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {directory} failed ({npm.ExitCode}):\n{await output}\n{await error}");
            }
        }
    }

    /// <summary>This folder in the repository (not in bin/): package.json, emulator.js and node_modules live there.</summary>
    private static string FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RecipeBot.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "RecipeBot.EndToEnd.Tests", "TelegramEmulator");
            }
        }

        throw new InvalidOperationException($"No RecipeBot.sln above {AppContext.BaseDirectory}; the test runs from the repository's build output.");
    }
}
