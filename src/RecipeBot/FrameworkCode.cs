using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace RecipeBot;

/// <summary>
/// For <c>run</c> on Linux: the framework's methods compiled by the JIT for this machine instead of taken precompiled
/// (ReadyToRun). Precompiled code targets any x64 processor and cannot inline across the framework's assemblies; a
/// Telegram update cost about a sixth less CPU without it (docs/telegram-load.md), for about 2 s more at start. The
/// runtime reads that choice only from its environment (<c>DOTNET_ReadyToRun</c>, which runtimeconfig.json cannot set),
/// so the process starts itself again in place (<c>execve</c>: the same process id, arguments and console) with
/// <c>DOTNET_ReadyToRun=0</c> added. An operator who sets <c>DOTNET_ReadyToRun</c> decides (1 keeps the precompiled
/// code). The other commands start as they are, and so does a process that a debugger, a profiler, a startup hook
/// or a diagnostic port was given: starting again would cut them off or run them twice.
/// </summary>
internal static partial class FrameworkCode
{
    public const string Variable = "DOTNET_ReadyToRun";

    /// <summary>Set, any of these leaves the process as it was started.</summary>
    internal static readonly string[] Choices =
    [
        Variable, "COMPlus_ReadyToRun", "DOTNET_DiagnosticPorts", "DOTNET_STARTUP_HOOKS", "CORECLR_ENABLE_PROFILING",
    ];

    /// <summary>Starts the process again with the framework compiled for this machine when that applies; returns only when it does not (or could not).</summary>
    public static void CompileForThisMachine(string[] args)
    {
        if (!Applies(args, Environment.GetEnvironmentVariable)
            || !OperatingSystem.IsLinux()
            || !RuntimeFeature.IsDynamicCodeSupported
            || Debugger.IsAttached
            || Environment.ProcessPath is not { } program)
        {
            return;
        }

        byte[] commandLine, environment;
        try
        {
            // As the process was started, byte for byte: NUL-separated entries.
            commandLine = File.ReadAllBytes("/proc/self/cmdline");
            environment = File.ReadAllBytes("/proc/self/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Tell($"/proc could not be read ({e.Message})");
            return;
        }

        var argv = Strings(Entries(commandLine));
        var envp = Strings([.. Entries(environment), Encoding.ASCII.GetBytes(Variable + "=0")]);
        try
        {
            // The runtime listens for diagnostic tools on a socket named after the process id and its start, both of
            // which the new image keeps: the file goes, so that the new runtime can listen there again.
            ForgetDiagnosticSocket();
            _ = Execve(program, argv, envp);
            Tell($"execve failed (errno {Marshal.GetLastPInvokeError()})");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Tell(e.Message);
        }
        finally
        {
            Array.ForEach(argv, Marshal.FreeHGlobal);
            Array.ForEach(envp, Marshal.FreeHGlobal);
        }
    }

    /// <summary>True for <c>run</c> when <paramref name="variable"/> (the environment) holds none of the choices that leave the process as it is.</summary>
    internal static bool Applies(string[] args, Func<string, string?> variable) =>
        args is ["run", ..] && Array.TrueForAll(Choices, name => variable(name) is null);

    /// <summary>The NUL-separated entries of <paramref name="bytes"/>; a last entry without its NUL counts too.</summary>
    internal static List<byte[]> Entries(byte[] bytes)
    {
        var entries = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length ? i > start : bytes[i] == 0)
            {
                entries.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return entries;
    }

    /// <summary>The entries as a NULL-terminated array of C strings (the last, null, entry is not allocated).</summary>
    private static nint[] Strings(List<byte[]> entries)
    {
        var pointers = new nint[entries.Count + 1];
        for (var i = 0; i < entries.Count; i++)
        {
            pointers[i] = Marshal.AllocHGlobal(entries[i].Length + 1);
            Marshal.Copy(entries[i], 0, pointers[i], entries[i].Length);
            Marshal.WriteByte(pointers[i], entries[i].Length, 0);
        }

        return pointers;
    }

    private static void ForgetDiagnosticSocket()
    {
        try
        {
            foreach (var socket in Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-*-socket"))
            {
                File.Delete(socket);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The tools then cannot reach this process; the bot itself is not concerned.
        }
    }

    private static void Tell(string why) =>
        Console.Error.WriteLine($"RecipeBot runs with the framework's precompiled code: {why}.");

    [LibraryImport("libc", EntryPoint = "execve", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Execve(string path, nint[] argv, nint[] envp);
}
