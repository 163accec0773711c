using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecipeBot.Channels.WebChat.Protection;
using RecipeBot.Channels.WebChat.Receiving;
using RecipeBot.Channels.WebChat.Sending;
using RecipeBot.Channels.WebChat.Tokens;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.WebChat;

public static class WebChatServiceCollectionExtensions
{
    /// <summary>
    /// Adds the web chat channel when <c>WebChat:Enabled</c> is set: tokens, origin and rate checks, CORS, the inbox
    /// processor and the <c>webchat:</c> <see cref="IChannelSender"/> that writes replies to the transcript. Needs an
    /// <see cref="ITranscriptStore"/> and an <see cref="IInboxStore"/> (<c>AddStorage</c>). Map the endpoints with
    /// <c>MapWebChat()</c>. Returns whether the channel is on.
    /// </summary>
    public static bool AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(WebChatOptions.SectionName).Get<WebChatOptions>() ?? new WebChatOptions();
        if (!configured.Enabled)
        {
            return false;
        }

        services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<WebChatOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);

        // Who may call: tokens signed by this service, the pages of allowed origins, within the rate limits.
        services.AddSingleton<WebChatTokens>();
        services.AddSingleton<WebChatOrigins>();
        services.AddSingleton<WebChatRateLimiter>();
        services.AddSingleton<WebChatGuard>();
        services.AddCors(cors => cors.AddPolicy(WebChatOrigins.CorsPolicy, policy => policy
            .SetIsOriginAllowed(origin => WebChatOrigins.IsListed(configured.AllowedOrigins, origin))
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Retry-After")));

        // Inbound: visitors' messages in the durable inbox, worked by the turn runner.
        services.AddSingleton<WebChatInbox>();
        services.AddSingleton<WebChatInboxProcessor>();
        services.AddHostedService(provider => provider.GetRequiredService<WebChatInboxProcessor>());

        // Outbound: replies and reminders leave the outbox into the transcript, where clients fetch them.
        services.AddSingleton<WebChatActivitySignal>();
        services.AddSingleton<WebChatTranscript>();
        services.AddSingleton<IChannelSender, WebChatChannelSender>();
        return true;
    }
}
