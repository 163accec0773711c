using Microsoft.AspNetCore.Http;

namespace RecipeBot.Channels.WebChat.Protection;

/// <summary>
/// Which web pages may use the chat: the bot's own (<c>/webchat</c>), those of <see cref="WebChatOptions.AllowedOrigins"/>,
/// and clients that are not browsers (they send no <c>Origin</c>). Browsers are also told so through CORS; this check
/// stops a page elsewhere even from getting a token.
/// </summary>
public sealed class WebChatOrigins(WebChatOptions options)
{
    public const string CorsPolicy = "webchat";

    public bool IsAllowed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsListed(options.AllowedOrigins, origin))
        {
            return true;
        }

        // The bot's own page: the origin names the host the request came to.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="origin"/> is configured (or <c>*</c> is): also the CORS policy's rule, the bot's own page needing no CORS.</summary>
    public static bool IsListed(IEnumerable<string> allowed, string origin)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return allowed.Any(a => a == "*" || string.Equals(a, origin, StringComparison.OrdinalIgnoreCase));
    }
}
