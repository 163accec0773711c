using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Terminal;

public static class TerminalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the terminal chat (interactive or JSON lines) as a hosted service, writing to stdout, and the
    /// <c>terminal:</c> <see cref="IChannelSender"/> that writes reminders between its replies.
    /// </summary>
    public static IServiceCollection AddTerminalChat(this IServiceCollection services, TerminalOptions options)
    {
        services.AddSingleton(options);
        // One writer for the chat and for reminders, so their lines never interleave.
        services.AddSingleton(_ => new TerminalOutput(Console.Out));
        services.AddSingleton<IChannelSender, TerminalChannelSender>();
        services.AddHostedService<TerminalChatService>();
        return services;
    }
}
