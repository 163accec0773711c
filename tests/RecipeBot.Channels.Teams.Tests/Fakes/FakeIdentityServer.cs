using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace RecipeBot.Channels.Teams.Tests.Fakes;

/// <summary>
/// The Bot Framework's identity side on 127.0.0.1, with RSA keys made for this run: the OpenID
/// metadata document and its keys (with <c>endorsements</c>), and an Entra-style token endpoint
/// for client credentials at <c>/{tenant}/oauth2/v2.0/token</c>.
/// </summary>
public sealed class FakeIdentityServer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "bf-key-teams";
    public const string WebchatOnlyKeyId = "bf-key-webchat";
    public const string Tenant = "botframework.com";

    // RSA keys are generated on first use, which takes a while: one pair serves the whole run.
    private static readonly RSA TeamsRsa = Generate();
    private static readonly RSA WebchatRsa = Generate();

    private readonly Lock _gate = new();
    private readonly List<IReadOnlyDictionary<string, string>> _tokenRequests = [];
    private LoopbackServer _server = null!;
    private int _metadataRequests;
    private int _keysRequests;

    private FakeIdentityServer()
    {
        SigningKey = new RsaSecurityKey(TeamsRsa) { KeyId = KeyId };
        WebchatOnlyKey = new RsaSecurityKey(WebchatRsa) { KeyId = WebchatOnlyKeyId };
    }

    /// <summary>Published with the endorsements <c>msteams</c> and <c>emulator</c>.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>Published, but endorsing only <c>webchat</c>.</summary>
    public RsaSecurityKey WebchatOnlyKey { get; }

    public Uri MetadataUrl => new(_server.BaseUrl, "v1/.well-known/openidconfiguration");

    /// <summary>The authority the bot asks for tokens (plain http on loopback).</summary>
    public Uri Authority => new(_server.BaseUrl, Tenant);

    /// <summary>The client credentials the token endpoint accepts.</summary>
    public string ClientId { get; init; } = "test-app-id";

    public string ClientSecret { get; init; } = "test-app-secret";

    /// <summary>The <c>expires_in</c> of the tokens handed out.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeysRequests => Volatile.Read(ref _keysRequests);

    /// <summary>The form fields of every token request.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokenRequests];
            }
        }
    }

    public static async Task<FakeIdentityServer> StartAsync()
    {
        var fake = new FakeIdentityServer();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>The access token the n-th token request (1-based) got.</summary>
    public static string AccessToken(int n) => $"access-token-{n}";

    private Task HandleAsync(HttpContext context) => context.Request.Path.Value switch
    {
        "/v1/.well-known/openidconfiguration" => MetadataAsync(context),
        "/v1/.well-known/keys" => KeysAsync(context),
        "/" + Tenant + "/oauth2/v2.0/token" => TokenAsync(context),
        _ => NotFound(context),
    };

    private Task MetadataAsync(HttpContext context)
    {
        Interlocked.Increment(ref _metadataRequests);
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = new Uri(_server.BaseUrl, "v1/.well-known/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        });
    }

    private Task KeysAsync(HttpContext context)
    {
        Interlocked.Increment(ref _keysRequests);
        return context.Response.WriteAsJsonAsync(new
        {
            keys = new[] { Jwk(TeamsRsa, KeyId, "msteams", "emulator"), Jwk(WebchatRsa, WebchatOnlyKeyId, "webchat") },
        });
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        int n;
        lock (_gate)
        {
            _tokenRequests.Add(fields);
            n = _tokenRequests.Count;
        }

        if (fields.GetValueOrDefault("grant_type") != "client_credentials" || fields.GetValueOrDefault("client_id") != ClientId
            || fields.GetValueOrDefault("client_secret") != ClientSecret)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_client", error_description = "Wrong client credentials." });
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            token_type = "Bearer",
            expires_in = TokenLifetimeSeconds,
            ext_expires_in = TokenLifetimeSeconds,
            access_token = AccessToken(n),
        });
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static Dictionary<string, object> Jwk(RSA rsa, string keyId, params string[] endorsements)
    {
        var parameters = rsa.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static RSA Generate()
    {
        var rsa = RSA.Create(2048);
        rsa.ExportParameters(false);
        return rsa;
    }
}
