using System.Collections.Concurrent;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// The connectors the bot may post to: service URLs that arrived with an authenticated activity
/// (in this run, or stored with a conversation reference by one). The bot's token is never sent
/// anywhere else, so a forged serviceUrl cannot collect it.
/// </summary>
public sealed class TeamsServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _learned = new(StringComparer.Ordinal);

    public void Learn(string serviceUrl)
    {
        if (Normalize(serviceUrl) is { } key)
        {
            _learned.TryAdd(key, 0);
        }
    }

    public bool IsLearned(string serviceUrl) => Normalize(serviceUrl) is { } key && _learned.ContainsKey(key);

    /// <summary>Scheme, host and port in lower case and the path without its trailing slash; null for anything but an absolute http(s) URL.</summary>
    public static string? Normalize(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}{uri.AbsolutePath.TrimEnd('/')}";
    }
}
