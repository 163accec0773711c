using System.ComponentModel;
using System.Diagnostics;

namespace RecipeBot.EndToEnd.Tests;

/// <summary>
/// The npm projects of this test project (a folder with package.json and package-lock.json in the repository, not in
/// bin/): installed with <c>npm ci</c> on first use, so <c>dotnet test</c> alone works on a fresh checkout.
/// </summary>
internal static class NodePackages
{
    /// <summary>The folder <paramref name="name"/> of this test project in the repository, installed.</summary>
    public static async Task<string> InstalledAsync(string name, string probePackage, CancellationToken cancellationToken)
    {
        var directory = Folder(name);
        if (!Directory.Exists(Path.Combine(directory, "node_modules", probePackage)))
        {
            var (exitCode, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {directory} failed ({exitCode}):\n{output}\n{error}");
            }
        }

        return directory;
    }

    /// <summary>Runs a program to its end; a missing program (no Node.js) is a clear failure.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> args, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{fileName} is not on PATH: install Node.js and run `npm ci` in {directory} (CI's .ci/run does).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output, await error);
        }
    }

    private static string Folder(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RecipeBot.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "RecipeBot.EndToEnd.Tests", name);
            }
        }

        throw new InvalidOperationException($"No RecipeBot.sln above {AppContext.BaseDirectory}; the test runs from the repository's build output.");
    }
}
