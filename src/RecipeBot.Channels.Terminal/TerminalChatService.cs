using Microsoft.Extensions.Hosting;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Terminal;

/// <summary>Runs the terminal chat on stdin/stdout and stops the host when the input ends.</summary>
public sealed class TerminalChatService(RecipeEngine engine, TerminalOptions options, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var input = Console.In;
            var output = Console.Out;
            if (options.JsonLines)
            {
                await new JsonLinesChat(engine, options).RunAsync(input, output, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                await new InteractiveChat(engine, options).RunAsync(input, output, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
