namespace RecipeBot.Channels.Teams.Sending;

/// <summary>Sends requests for one loopback origin, which MSAL addresses as https, over http.</summary>
public sealed class LoopbackHttpHandler(Uri origin) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri && origin.IsLoopback && uri.Scheme == Uri.UriSchemeHttps
            && string.Equals(uri.Host, origin.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == origin.Port)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = uri.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
