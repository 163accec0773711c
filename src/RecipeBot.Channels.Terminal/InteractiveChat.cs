using System.Globalization;
using System.Text;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.Terminal;

/// <summary>A human conversation in the terminal, with numbered choices.</summary>
public sealed class InteractiveChat(TurnRunner turns, OutboxSender outbox, TerminalOptions options)
{
    /// <summary>Marks a message the bot sent on its own (a reminder).</summary>
    public const string ProactiveMark = "🔔 ";

    /// <summary>Runs on <paramref name="output"/>, which the outbox sender given to this chat writes to as well.</summary>
    public async Task RunAsync(TextReader input, TerminalOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var conversationId = ConversationKey.Terminal(options.DefaultChat).ToString();
        await output.WriteAsync("RecipeBot — /help for commands, Ctrl+D to leave." + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        var shown = await turns.ShowAsync(conversationId, null, cancellationToken).ConfigureAwait(false);
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

            await turns.RunAsync(new IncomingMessage(conversationId, line), cancellationToken).ConfigureAwait(false);
            // The reply leaves through the outbox (the terminal's channel sender prints it) before the next prompt.
            await outbox.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A message as the terminal shows it: a blank line, <paramref name="mark"/> and the text, the numbered choices,
    /// a text attachment (a meeting's .ics) under its name, and a blank line.
    /// </summary>
    public static string Render(OutgoingMessage message, string mark = "", string? path = null)
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

            if (path is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   → {path}");
            }
        }

        text.AppendLine();
        return text.ToString();
    }
}
