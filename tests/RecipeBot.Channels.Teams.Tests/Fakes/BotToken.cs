using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace RecipeBot.Channels.Teams.Tests.Fakes;

/// <summary>Builds the JWTs the Bot Connector would send, and every way of getting one wrong.</summary>
public sealed record BotToken
{
    private static readonly JwtSecurityTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issuer { get; init; } = FakeIdentityServer.Issuer;

    public string Audience { get; init; } = "test-app-id";

    public string? ServiceUrl { get; init; }

    public DateTime Expires { get; init; } = DateTime.UtcNow.AddMinutes(30);

    public DateTime NotBefore { get; init; } = DateTime.UtcNow.AddMinutes(-10);

    /// <summary>Signed with this key (its KeyId becomes the header's kid).</summary>
    public SecurityKey? Key { get; init; }

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    public static BotToken For(FakeIdentityServer identity, string serviceUrl) => new() { Key = identity.SigningKey, ServiceUrl = serviceUrl };

    private static readonly RSA ForeignRsa = RSA.Create(2048);

    /// <summary>An RSA key the metadata does not list, under any key id.</summary>
    public static RsaSecurityKey ForeignKey(string keyId) => new(ForeignRsa) { KeyId = keyId };

    public string Write()
    {
        var claims = new List<Claim>();
        if (ServiceUrl is not null)
        {
            claims.Add(new Claim("serviceurl", ServiceUrl));
        }

        var credentials = Key is null ? null : new SigningCredentials(Key, Algorithm);
        return Handler.WriteToken(Handler.CreateJwtSecurityToken(Issuer, Audience, new ClaimsIdentity(claims), NotBefore, Expires, NotBefore, credentials));
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that still names a published key id.</summary>
    public string WriteUnsigned(string keyId)
    {
        var header = new JwtHeader { [JwtHeaderParameterNames.Kid] = keyId };
        var payload = new JwtPayload(Issuer, Audience, ServiceUrl is null ? [] : [new Claim("serviceurl", ServiceUrl)], NotBefore, Expires, NotBefore);
        return Handler.WriteToken(new JwtSecurityToken(header, payload));
    }
}
