using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Permissions;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Meetings;

namespace RecipeBot.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Telegram channel when <c>Telegram:BotToken</c> is set: the Bot API client, the
    /// rate-limited sender (also as the <c>telegram:</c> <see cref="IChannelSender"/>), group admin checks
    /// (<see cref="IChatPermissions"/>), the inbox processor and either long polling or the webhook.
    /// Returns whether the channel is on.
    /// </summary>
    public static bool AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!configured.Enabled)
        {
            return false;
        }

        services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);
        services.AddSingleton<ITelegramBotApi>(provider =>
        {
            var options = provider.GetRequiredService<TelegramOptions>();
            // Not through IHttpClientFactory: its default logging writes request URLs, which carry the token.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            return new TelegramBotClient(http, options.BotToken!, options.BaseUrl, provider.GetRequiredService<ILogger<TelegramBotClient>>());
        });
        services.AddSingleton<TelegramBotIdentity>();
        // Telegram's documented limits by default; a local Bot API server or a load test may lift them.
        services.AddSingleton(configuration.GetSection($"{TelegramOptions.SectionName}:Limits").Get<TelegramSendLimits>() ?? new TelegramSendLimits());
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<ITelegramSender>(provider => provider.GetRequiredService<TelegramSender>());
        services.AddHostedService(provider => provider.GetRequiredService<TelegramSender>());
        // Reminders and prompts to telegram: conversations, through the same queue; one IChannelSender per channel.
        services.AddSingleton<IChannelSender, TelegramChannelSender>();
        // Group admins may change a group's meetings.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TelegramChatPermissions>();
        AddChatPermissions(services);
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramBootstrap>();
        services.AddSingleton<TelegramInboxProcessor>();
        services.AddHostedService(provider => provider.GetRequiredService<TelegramInboxProcessor>());
        if (configured.UsesWebhook)
        {
            services.AddHostedService<TelegramWebhookService>();
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return true;
    }

    /// <summary>
    /// Takes the place of <see cref="NoChatPermissions"/>, which the engine registers as a fallback whether it is added
    /// before or after the channels, but keeps a check another channel registered: the first channel that can tell wins.
    /// </summary>
    private static void AddChatPermissions(IServiceCollection services)
    {
        var current = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IChatPermissions));
        if (current is not null && current.ImplementationInstance is not NoChatPermissions && current.ImplementationType != typeof(NoChatPermissions))
        {
            return;
        }

        services.RemoveAll<IChatPermissions>();
        services.AddSingleton<IChatPermissions>(provider => provider.GetRequiredService<TelegramChatPermissions>());
    }
}
