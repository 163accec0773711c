using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal;

/// <summary>A human conversation in the terminal, with numbered choices.</summary>
public sealed class InteractiveChat(RecipeEngine engine, TerminalOptions options)
{
    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var conversationId = $"terminal:{options.DefaultChat}";
        await output.WriteLineAsync("RecipeBot — /help for commands, Ctrl+D to leave.").ConfigureAwait(false);
        Write(output, await engine.ShowAsync(conversationId, null, cancellationToken).ConfigureAwait(false));
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { } line)
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            Write(output, await engine.HandleAsync(new IncomingMessage(conversationId, line), cancellationToken).ConfigureAwait(false));
        }
    }

    private static void Write(TextWriter output, OutgoingMessage message)
    {
        output.WriteLine();
        output.WriteLine(message.Text);
        for (var i = 0; i < message.Choices.Count; i++)
        {
            output.WriteLine($"  {i + 1}) {message.Choices[i].Label}");
        }

        output.WriteLine();
    }
}
