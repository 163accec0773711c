using Microsoft.Extensions.Hosting;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.Terminal;

/// <summary>Runs the terminal chat on stdin and the shared <see cref="TerminalOutput"/>, and stops the host when the input ends.</summary>
public sealed class TerminalChatService(TurnRunner turns, OutboxSenders outbox, TerminalOptions options, TerminalOutput output, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var input = Console.In;
            if (options.JsonLines)
            {
                await new JsonLinesChat(turns, outbox.For(TerminalChannelSender.ConversationPrefix), options).RunAsync(input, output, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                await new InteractiveChat(turns, outbox.For(TerminalChannelSender.ConversationPrefix), options).RunAsync(input, output, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
