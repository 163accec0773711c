using System.Globalization;
using Microsoft.AspNetCore.Http;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Channels.WebChat.Tokens;

namespace RecipeBot.Channels.WebChat.Protection;

/// <summary>
/// The checks before any Direct Line work, cheapest first: the page's origin (403), the client address's rate (429),
/// the token — from <c>Authorization: Bearer</c>, or <c>?t=</c> on the WebSocket stream, where browsers cannot set
/// headers — (401 missing or forged, 403 expired), the token's rate (429) and the conversation it is for (403).
/// </summary>
public sealed class WebChatGuard(WebChatOptions options, WebChatOrigins origins, WebChatRateLimiter limiter, WebChatTokens tokens)
{
    /// <summary>Origin and address checks for a request that needs no token (a new token); null when it may go on.</summary>
    public IResult? CheckVisitor(HttpContext context, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!origins.IsAllowed(context.Request))
        {
            return DirectLineError.Result(StatusCodes.Status403Forbidden, "Forbidden", "This origin may not use the chat.");
        }

        return Limit(context, "address:" + Address(context), perMinute);
    }

    /// <summary>All checks; on success <paramref name="token"/> is the caller's, for <paramref name="conversationId"/> when one is named.</summary>
    public IResult? Check(HttpContext context, string? conversationId, out WebChatToken? token)
    {
        token = null;
        if (CheckVisitor(context, options.RequestsPerMinutePerAddress) is { } refused)
        {
            return refused;
        }

        switch (tokens.Read(Presented(context.Request), out token))
        {
            case TokenCheck.Expired:
                return DirectLineError.Result(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");
            case TokenCheck.Invalid:
                return DirectLineError.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid token is required.");
        }

        if (Limit(context, "token:" + token!.UserId, options.RequestsPerMinutePerToken) is { } limited)
        {
            return limited;
        }

        if (conversationId is not null && !string.Equals(conversationId, token.ConversationId, StringComparison.Ordinal))
        {
            return DirectLineError.Result(StatusCodes.Status403Forbidden, "Forbidden", "The token is not for this conversation.");
        }

        return null;
    }

    private IResult? Limit(HttpContext context, string key, int perMinute)
    {
        if (limiter.TryAcquire(key, perMinute, out var retryAfter))
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return DirectLineError.Result(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; try again later.");
    }

    private static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Query["t"].ToString() is { Length: > 0 } query ? query : null;
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
