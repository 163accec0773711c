using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace RecipeBot.EndToEnd.Tests.TelegramEmulator;

/// <summary>
/// A child process that keeps running while a test talks to it (unlike <see cref="BotProcess"/>, which
/// waits for the exit). Its output is collected for failure messages; disposing kills it and its children.
/// </summary>
internal sealed class BackgroundProcess : IDisposable
{
    private const int MaxLogChars = 8000;

    private readonly string _name;
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Channel<string> _outputLines = Channel.CreateUnbounded<string>();

    private BackgroundProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="environment"/> added to the test's own, less the variables in
    /// <paramref name="unset"/>; its standard input stays open until disposal.
    /// </summary>
    public static BackgroundProcess Start(string name, string fileName, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null, IEnumerable<string>? unset = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        foreach (var key in unset ?? [])
        {
            start.Environment.Remove(key);
        }

        var process = new Process { StartInfo = start };
        var started = new BackgroundProcess(name, process);
        process.OutputDataReceived += (_, e) => started.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => started.OnError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>The process id, as the system knows it.</summary>
    public int Id => _process.Id;

    /// <summary>Waits for the process to end; its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Everything the process wrote so far (the end of it, when long), stdout and stderr interleaved.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                var text = _log.Length > MaxLogChars ? "…" + _log.ToString(_log.Length - MaxLogChars, MaxLogChars) : _log.ToString();
                var state = _process.HasExited ? $"exited with code {_process.ExitCode}" : "running";
                return $"--- {_name} ({state}) ---\n{text}";
            }
        }
    }

    /// <summary>Waits for the first line on standard output that <paramref name="match"/> accepts.</summary>
    public async Task<string> WaitForOutputLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        await foreach (var line in _outputLines.Reader.ReadAllAsync(cancellationToken))
        {
            if (match(line))
            {
                return line;
            }
        }

        await _process.WaitForExitAsync(cancellationToken);
        throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before it was ready.");
    }

    /// <summary>SIGKILL, as a crash or an OOM killer would: no shutdown code runs. Returns once the process is gone.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            _outputLines.Writer.TryComplete();
            return;
        }

        Append(line);
        _outputLines.Writer.TryWrite(line);
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            Append(line);
        }
    }

    private void Append(string line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
