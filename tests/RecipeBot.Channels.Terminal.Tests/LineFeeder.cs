using System.Threading.Channels;

namespace RecipeBot.Channels.Terminal.Tests;

/// <summary>Standard input a test types into line by line; tells when the chat is waiting for the next line.</summary>
internal sealed class LineFeeder : TextReader
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly Lock _gate = new();
    private TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the chat next asks for a line.</summary>
    public Task WaitingAsync()
    {
        lock (_gate)
        {
            return _waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public void Type(string line) => _lines.Writer.TryWrite(line);

    /// <summary>Ctrl+D.</summary>
    public void End() => _lines.Writer.TryWrite(null);

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiting;
        lock (_gate)
        {
            waiting = _waiting;
        }

        waiting.TrySetResult();
        var line = await _lines.Reader.ReadAsync(cancellationToken);
        lock (_gate)
        {
            _waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return line;
    }
}
