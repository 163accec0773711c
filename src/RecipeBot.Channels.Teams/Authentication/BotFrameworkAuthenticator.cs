using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecipeBot.Channels.Teams.Schema;

namespace RecipeBot.Channels.Teams.Authentication;

/// <summary>
/// Checks a request from the Bot Connector exactly as "Authentication with the Bot Connector
/// API" specifies: a bearer JWT; issuer; audience = our app id; a signature by a key of the
/// OpenID metadata with an algorithm it allows (never <c>none</c> or HMAC); expiry with five
/// minutes of clock skew; then, against the activity, the <c>serviceurl</c> claim and the key's
/// endorsement of the channel. Anonymous only in Development with no app id (the Emulator).
/// </summary>
public sealed class BotFrameworkAuthenticator(
    OpenIdMetadataCache metadata,
    TeamsOptions options,
    IHostEnvironment environment,
    TimeProvider time)
{
    public const string ServiceUrlClaim = "serviceurl";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>True when requests need no token: Development and no app id.</summary>
    public bool AcceptsAnonymous { get; } = !options.HasAppId && environment.IsDevelopment();

    /// <summary>Checks the token of the Authorization header; the activity is checked after with <see cref="Authorize"/>.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (AcceptsAnonymous)
        {
            return AuthenticationResult.Success(BotFrameworkIdentity.Anonymous);
        }

        if (!options.HasAppId)
        {
            return AuthenticationResult.Unauthorized("no app id is configured outside Development");
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
        {
            return AuthenticationResult.Unauthorized("no bearer token");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(authorization[7..].Trim());
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthenticationResult.Unauthorized("the bearer token is not a JWT");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return AuthenticationResult.Unauthorized($"the token names no signing key (alg {token.Alg})");
        }

        SigningKey? key;
        SigningKeySet keys;
        try
        {
            (key, keys) = await metadata.FindAsync(token.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (MetadataUnavailableException e)
        {
            return AuthenticationResult.Unavailable(e.Message);
        }

        if (!keys.Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return AuthenticationResult.Unauthorized($"the signing algorithm {token.Alg} is not accepted");
        }

        if (key is null)
        {
            return AuthenticationResult.Unauthorized($"the signing key {token.Kid} is not in the OpenID metadata");
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = keys.Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            TryAllIssuerSigningKeys = false,
            // Checked below against TimeProvider, with the specified skew.
            ValidateLifetime = false,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthenticationResult.Unauthorized($"the token is not valid ({result.Exception?.GetType().Name})");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue || now > token.ValidTo + ClockSkew)
        {
            return AuthenticationResult.Unauthorized("the token has expired");
        }

        if (token.ValidFrom != DateTime.MinValue && now < token.ValidFrom - ClockSkew)
        {
            return AuthenticationResult.Unauthorized("the token is not valid yet");
        }

        var serviceUrl = token.TryGetClaim(ServiceUrlClaim, out var claim) ? claim.Value : null;
        return AuthenticationResult.Success(new BotFrameworkIdentity(false, serviceUrl, key));
    }

    /// <summary>The checks that need the activity: the serviceurl claim names its connector, and the key endorses its channel.</summary>
    public static AuthenticationResult Authorize(BotFrameworkIdentity identity, TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(activity);
        if (identity.IsAnonymous)
        {
            return AuthenticationResult.Success(identity);
        }

        if (identity.ServiceUrl is null || !string.Equals(identity.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Unauthorized("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        if (identity.Key?.Endorses(activity.ChannelId) != true)
        {
            return AuthenticationResult.Forbidden($"the signing key does not endorse the channel '{activity.ChannelId}'");
        }

        return AuthenticationResult.Success(identity);
    }
}
