using Microsoft.Identity.Client;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// Client-credentials tokens from Microsoft.Identity.Client (scope
/// <c>https://api.botframework.com/.default</c>). MSAL keeps the token in its in-memory app cache
/// and fetches a new one when the cached one has less than five minutes left (or when the token
/// service asked for an earlier refresh with <c>refresh_in</c>), so replies reuse one token.
/// </summary>
public sealed class MsalTokenProvider : ITeamsTokenProvider
{
    private readonly IConfidentialClientApplication? _application;
    private readonly string[] _scopes;

    public MsalTokenProvider(TeamsOptions options, TeamsMsalHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = [options.Scope];
        if (!options.HasAppId)
        {
            // Anonymous (Development, Emulator): nothing to sign in with.
            return;
        }

        var builder = ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithClientSecret(options.AppPassword)
            .WithHttpClientFactory(httpClients);
        builder = httpClients.LoopbackAuthority is { } loopback
            // MSAL insists on https; a loopback token service is reached over http by the factory's handler.
            ? builder.WithAuthority(loopback.ToString(), validateAuthority: false).WithInstanceDiscovery(false)
            : builder.WithAuthority(options.EffectiveAuthority.ToString());
        _application = builder.Build();
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_application is null)
        {
            return null;
        }

        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}
