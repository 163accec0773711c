using Microsoft.AspNetCore.Http;

namespace RecipeBot.Channels.Teams.Authentication;

/// <summary>The verdict on a request: 200 with an identity, or 401/403/503 with the reason (for the log, never for the caller).</summary>
public sealed record AuthenticationResult(int StatusCode, string? Failure, BotFrameworkIdentity? Identity)
{
    public bool Succeeded => Identity is not null;

    public static AuthenticationResult Success(BotFrameworkIdentity identity) => new(StatusCodes.Status200OK, null, identity);

    public static AuthenticationResult Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason, null);

    public static AuthenticationResult Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason, null);

    public static AuthenticationResult Unavailable(string reason) => new(StatusCodes.Status503ServiceUnavailable, reason, null);
}
