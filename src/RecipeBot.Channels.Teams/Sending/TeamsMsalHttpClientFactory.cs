using Microsoft.Identity.Client;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// The one HttpClient MSAL uses (MSAL asks for a long-lived one). MSAL accepts only https
/// authorities; when <c>Teams:Authority</c> is an http address on loopback (a local token service,
/// the tests), MSAL is given its https form and this client sends exactly that origin's requests
/// over plain http. Loopback traffic never leaves the machine; any other address keeps TLS.
/// </summary>
public sealed class TeamsMsalHttpClientFactory : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _http;

    public TeamsMsalHttpClientFactory(TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authority = options.EffectiveAuthority;
        HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)
        {
            LoopbackAuthority = new UriBuilder(authority) { Scheme = Uri.UriSchemeHttps, Port = authority.Port }.Uri;
            handler = new LoopbackHttpHandler(LoopbackAuthority) { InnerHandler = handler };
        }

        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The https form of a loopback http authority, or null for a normal (https) one.</summary>
    public Uri? LoopbackAuthority { get; }

    public HttpClient GetHttpClient() => _http;

    public void Dispose() => _http.Dispose();
}
