using Microsoft.Extensions.DependencyInjection;

namespace RecipeBot.Channels.Terminal;

public static class TerminalServiceCollectionExtensions
{
    /// <summary>Adds the terminal chat (interactive or JSON lines) as a hosted service.</summary>
    public static IServiceCollection AddTerminalChat(this IServiceCollection services, TerminalOptions options)
    {
        services.AddSingleton(options);
        services.AddHostedService<TerminalChatService>();
        return services;
    }
}
