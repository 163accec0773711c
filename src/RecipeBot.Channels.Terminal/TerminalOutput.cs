namespace RecipeBot.Channels.Terminal;

/// <summary>
/// The terminal's output, shared by the chat and by proactive messages (<see cref="TerminalChannelSender"/>): each
/// write is one block under one lock, so a reminder never lands inside a reply. It remembers whether the chat is
/// waiting at its prompt, so that a reminder starts on a fresh line and the prompt is shown again after it.
/// </summary>
public sealed class TerminalOutput(TextWriter writer) : IDisposable
{
    public const string Prompt = "> ";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _atPrompt;

    /// <summary>Writes <paramref name="text"/> as it is, in one piece.</summary>
    public Task WriteAsync(string text, CancellationToken cancellationToken) => WriteAsync(text, prompt: false, cancellationToken);

    /// <summary>Asks the user for the next line.</summary>
    public Task PromptAsync(CancellationToken cancellationToken) => WriteAsync(Prompt, prompt: true, cancellationToken);

    /// <summary>Writes a block nobody asked for; a prompt it interrupts is shown again after it.</summary>
    public async Task InterruptAsync(string text, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var resume = _atPrompt;
            await writer.WriteAsync(resume ? Environment.NewLine + text + Prompt : text).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task WriteAsync(string text, bool prompt, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await writer.WriteAsync(text).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            _atPrompt = prompt;
        }
        finally
        {
            _lock.Release();
        }
    }
}
