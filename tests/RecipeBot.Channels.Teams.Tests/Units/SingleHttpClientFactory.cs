namespace RecipeBot.Channels.Teams.Tests.Units;

/// <summary>An IHttpClientFactory that hands out one plain client, for building channel parts by hand.</summary>
public sealed class SingleHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly HttpClient _http = new();

    public HttpClient CreateClient(string name) => _http;

    public void Dispose() => _http.Dispose();
}
