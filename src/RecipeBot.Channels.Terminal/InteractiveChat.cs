using System.Globalization;
using System.Text;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal;

/// <summary>A human conversation in the terminal, with numbered choices.</summary>
public sealed class InteractiveChat(RecipeEngine engine, TerminalOptions options)
{
    /// <summary>Marks a message the bot sent on its own (a reminder).</summary>
    public const string ProactiveMark = "🔔 ";

    /// <summary>Runs on a writer of its own; see <see cref="RunAsync(TextReader, TerminalOutput, CancellationToken)"/> to share one.</summary>
    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        using var terminal = new TerminalOutput(output);
        await RunAsync(input, terminal, cancellationToken).ConfigureAwait(false);
    }

    public async Task RunAsync(TextReader input, TerminalOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var conversationId = $"terminal:{options.DefaultChat}";
        await output.WriteAsync("RecipeBot — /help for commands, Ctrl+D to leave." + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        var shown = await engine.ShowAsync(conversationId, null, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(Render(shown), cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.PromptAsync(cancellationToken).ConfigureAwait(false);
            if (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { } line)
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var reply = await engine.HandleAsync(new IncomingMessage(conversationId, line), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(Render(reply), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A message as the terminal shows it: a blank line, <paramref name="mark"/> and the text, the numbered choices,
    /// a text attachment (a meeting's .ics) under its name, and a blank line.
    /// </summary>
    public static string Render(OutgoingMessage message, string mark = "")
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(mark + message.Text);
        for (var i = 0; i < message.Choices.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}) {message.Choices[i].Label}");
        }

        if (message.Attachment is { } file)
        {
            if (file.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"📎 {file.FileName}");
                text.AppendLine(Encoding.UTF8.GetString(file.Content).ReplaceLineEndings().TrimEnd());
            }
            else
            {
                // Bytes would garble the terminal.
                text.AppendLine(CultureInfo.InvariantCulture, $"📎 {file.FileName} ({file.Content.Length} bytes)");
            }
        }

        text.AppendLine();
        return text.ToString();
    }
}
