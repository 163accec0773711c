using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecipeBot.Channels.Teams.Authentication;
using RecipeBot.Channels.Teams.Receiving;
using RecipeBot.Channels.Teams.Sending;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Microsoft Teams channel (the Bot Framework Activity protocol) when <c>Teams:AppId</c>
    /// or <c>Teams:Enabled</c> is set: inbound JWT validation, the activity handler, the connector
    /// client with MSAL tokens, the reply queue, <see cref="ITeamsProactiveSender"/> and the <c>teams:</c>
    /// <see cref="IChannelSender"/>. Map the endpoint with <c>MapTeams()</c>. Returns whether the channel is on.
    /// </summary>
    public static bool AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>() ?? new TeamsOptions();
        if (!configured.IsOn)
        {
            return false;
        }

        services.AddOptions<TeamsOptions>()
            .BindConfiguration(TeamsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TeamsOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);

        // Inbound: the Bot Connector's tokens, checked against the OpenID metadata's keys.
        services.AddHttpClient(OpenIdMetadataCache.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OpenIdMetadataCache>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<TeamsActivityHandler>();

        // Outbound: MSAL tokens, the connector client and messages from the stored conversation reference.
        services.AddHttpClient(TeamsConnectorClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<TeamsMsalHttpClientFactory>();
        services.AddSingleton<ITeamsTokenProvider, MsalTokenProvider>();
        services.AddSingleton<TeamsServiceUrls>();
        services.AddSingleton<TeamsConnectorClient>();
        services.AddSingleton<ITeamsProactiveSender, TeamsProactiveSender>();
        // Replies, reminders and prompts to teams: conversations leave the outbox through this sender.
        services.AddSingleton<IChannelSender, TeamsChannelSender>();
        return true;
    }
}
