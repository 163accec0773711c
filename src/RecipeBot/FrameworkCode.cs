using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace RecipeBot;

/// <summary>
/// For <c>run</c> on Linux: the framework's methods compiled by the JIT for this machine instead of taken precompiled
/// (ReadyToRun). Precompiled code targets any x64 processor and cannot inline across the framework's assemblies; a
/// Telegram update cost about a sixth less CPU without it (docs/telegram-load.md), for 1.5–2 s more at start. The
/// runtime reads that choice only from its environment (<c>DOTNET_ReadyToRun</c>, which runtimeconfig.json cannot set),
/// so the process starts itself again in place (<c>execve</c>: the same process id, files and console) with
/// <c>DOTNET_ReadyToRun=0</c> added. An operator who sets <c>DOTNET_ReadyToRun</c> decides (1 keeps the precompiled
/// code); the other commands start as they are, and so does a process under a debugger.
/// </summary>
internal static partial class FrameworkCode
{
    public const string Variable = "DOTNET_ReadyToRun";

    /// <summary>Starts the process again with the framework compiled for this machine when that applies; returns only when it does not (or could not).</summary>
    public static void CompileForThisMachine(string[] args)
    {
        if (!Applies(args, Environment.GetEnvironmentVariable(Variable) ?? Environment.GetEnvironmentVariable("COMPlus_ReadyToRun"))
            || !OperatingSystem.IsLinux()
            || Debugger.IsAttached
            || Environment.ProcessPath is not { } program)
        {
            return;
        }

        byte[] commandLine, environment;
        try
        {
            // As the process was started, byte for byte: each entry ends with a NUL.
            commandLine = File.ReadAllBytes("/proc/self/cmdline");
            environment = File.ReadAllBytes("/proc/self/environ");
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        var argv = Entries(commandLine);
        var envp = Entries([.. environment, .. Encoding.ASCII.GetBytes(Variable + "=0\0")]);
        try
        {
            // The program by its path, so that it keeps its name in ps and top. Returns only when it failed (the program
            // file replaced or gone); the bot then runs with the precompiled code.
            _ = Execve(program, argv, envp);
        }
        finally
        {
            Array.ForEach(argv, Marshal.FreeHGlobal);
            Array.ForEach(envp, Marshal.FreeHGlobal);
        }
    }

    /// <summary>True for <c>run</c> when the environment leaves the choice open (<paramref name="readyToRun"/> unset).</summary>
    internal static bool Applies(string[] args, string? readyToRun) =>
        args is ["run", ..] && readyToRun is null;

    /// <summary>NUL-separated entries as a NULL-terminated array of C strings (the last, null, entry is not allocated).</summary>
    private static nint[] Entries(byte[] entries)
    {
        var pointers = new List<nint>();
        var start = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i] != 0)
            {
                continue;
            }

            var entry = Marshal.AllocHGlobal(i - start + 1);
            Marshal.Copy(entries, start, entry, i - start + 1);
            pointers.Add(entry);
            start = i + 1;
        }

        pointers.Add(0);
        return [.. pointers];
    }

    [LibraryImport("libc", EntryPoint = "execve", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execve(string path, nint[] argv, nint[] envp);
}
