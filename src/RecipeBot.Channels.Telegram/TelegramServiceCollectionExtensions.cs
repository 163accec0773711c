using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecipeBot.Channels.Telegram.Permissions;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Rehearsing;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Turns;
using Telegram.Bot;

namespace RecipeBot.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>The <see cref="IHttpClientFactory"/> client Telegram.Bot sends its requests on.</summary>
    public const string HttpClientName = "telegram";

    /// <summary>
    /// Adds the Telegram channel when <c>Telegram:BotToken</c> is set: Telegram.Bot's client, the
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
        services.AddHttpClient(HttpClientName)
            // The factory's logging writes every request URL, and a Bot API URL carries the token.
            .RemoveAllLoggers()
            .ConfigureHttpClient((provider, http) => http.Timeout = provider.GetRequiredService<TelegramOptions>().RequestTimeout)
            // The singletons below keep their client for good: connections are renewed instead, so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddTypedClient<ITelegramBotClient>((http, provider) =>
            {
                var options = provider.GetRequiredService<TelegramOptions>();
                // No retries inside the client: a 429 is waited out by the sender and the poller, on their clock and within their limits.
                var client = new TelegramBotClientOptions(options.BotToken!, options.BaseUrl.AbsoluteUri) { RetryThreshold = 0 };
                return new TelegramBotClient(client, http);
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
        // Rehearsed at start, so that the channel's code is compiled before the first update.
        services.AddSingleton<IChannelRehearsal, TelegramRehearsal>();
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
