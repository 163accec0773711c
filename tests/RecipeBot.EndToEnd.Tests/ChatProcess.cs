using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace RecipeBot.EndToEnd.Tests;

/// <summary>
/// <c>chat --jsonl</c> as a child process that a test talks to line by line (unlike <see cref="BotProcess"/>,
/// which feeds all input at once): each message is written, its reply line read back, and the process stays up
/// until the input is closed. Disposing kills it if it is still running.
/// </summary>
internal sealed class ChatProcess : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _output = Channel.CreateUnbounded<string>();
    private readonly List<string> _errors = [];

    private ChatProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>The process id, as the system knows it.</summary>
    public int Id => _process.Id;

    /// <summary>What the process wrote to stderr so far, line by line.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Starts <c>chat --jsonl</c> with <paramref name="environment"/> added to the test's own, less the variables in <paramref name="unset"/>.</summary>
    public static ChatProcess Start(string workingDirectory, IDictionary<string, string> environment, IEnumerable<string>? unset = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(BotProcess.ProgramPath);
        start.ArgumentList.Add("chat");
        start.ArgumentList.Add("--jsonl");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        foreach (var key in unset ?? [])
        {
            start.Environment.Remove(key);
        }

        var process = new Process { StartInfo = start };
        var chat = new ChatProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                chat._output.Writer.TryComplete();
            }
            else
            {
                chat._output.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (chat._errors)
                {
                    chat._errors.Add(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return chat;
    }

    /// <summary>Sends <paramref name="text"/> (JSON-escaped, so that any character travels) and returns the reply line.</summary>
    public async Task<JsonElement> SayAsync(string text)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { text }));
        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var line = await _output.Reader.ReadAsync(timeout.Token);
        return JsonDocument.Parse(line).RootElement;
    }

    /// <summary>Sends <paramref name="text"/> without waiting for a reply.</summary>
    public async Task SendAsync(string text)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { text }));
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Closes the input (the end of the conversation) and waits for the exit code.</summary>
    public async Task<int> CloseAndWaitAsync()
    {
        _process.StandardInput.Close();
        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
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
}
