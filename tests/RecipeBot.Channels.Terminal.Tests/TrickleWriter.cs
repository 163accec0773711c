using System.Text;

namespace RecipeBot.Channels.Terminal.Tests;

/// <summary>
/// A writer that hands over one character at a time and yields in between, as a slow terminal might: two writers
/// not holding the same lock would mix their characters. Thread-safe itself, so any mixing is the caller's.
/// </summary>
internal sealed class TrickleWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override async Task WriteAsync(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
            await Task.Yield();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
