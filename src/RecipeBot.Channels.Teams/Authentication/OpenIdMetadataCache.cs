using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RecipeBot.Channels.Teams.Authentication;

/// <summary>
/// The signing keys of the configured OpenID metadata document, with their endorsements. Read
/// on first use, again after <see cref="TeamsOptions.MetadataRefreshInterval"/>, and again when a
/// token names a key that is not known (keys roll over) — but then at most once per
/// <see cref="TeamsOptions.MetadataMinimumRefreshInterval"/>, so forged key ids cannot make the
/// bot hammer the metadata service. A failed reading keeps the keys it had.
/// </summary>
public sealed class OpenIdMetadataCache(
    IHttpClientFactory httpClients,
    TeamsOptions options,
    TimeProvider time,
    ILogger<OpenIdMetadataCache> logger) : IDisposable
{
    public const string HttpClientName = "RecipeBot.Teams.Metadata";

    private static readonly string[] DefaultAlgorithms = [SecurityAlgorithms.RsaSha256];

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile SigningKeySet? _current;
    private DateTimeOffset _lastUnknownKeyRefresh = DateTimeOffset.MinValue;

    /// <summary>The current keys, read first if there are none or they are due.</summary>
    public async ValueTask<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.FetchedAt < options.MetadataRefreshInterval)
        {
            return current;
        }

        return await RefreshAsync(force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The key with id <paramref name="keyId"/>; an unknown id makes the keys be read again (rate-limited).</summary>
    public async ValueTask<(SigningKey? Key, SigningKeySet Keys)> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (keys.Keys.TryGetValue(keyId, out var key))
        {
            return (key, keys);
        }

        keys = await RefreshAsync(force: true, cancellationToken).ConfigureAwait(false);
        return (keys.Keys.GetValueOrDefault(keyId), keys);
    }

    private async ValueTask<SigningKeySet> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var before = _current;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            var now = time.GetUtcNow();
            if (current is not null && !ReferenceEquals(current, before))
            {
                // Someone else read the metadata while this caller waited.
                return current;
            }

            if (current is not null && force)
            {
                if (now - _lastUnknownKeyRefresh < options.MetadataMinimumRefreshInterval)
                {
                    return current;
                }

                _lastUnknownKeyRefresh = now;
            }
            else if (current is not null && now - current.FetchedAt < options.MetadataRefreshInterval)
            {
                return current;
            }

            try
            {
                var fresh = await FetchAsync(now, cancellationToken).ConfigureAwait(false);
                _current = fresh;
                logger.LogInformation("Read {KeyCount} signing keys from the OpenID metadata at {MetadataUrl}", fresh.Keys.Count, options.OpenIdMetadataUrl);
                return fresh;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (current is not null)
                {
                    logger.LogWarning(e, "Could not read the OpenID metadata at {MetadataUrl}; keeping the keys read at {FetchedAt}", options.OpenIdMetadataUrl, current.FetchedAt);
                    return current;
                }

                logger.LogError(e, "Could not read the OpenID metadata at {MetadataUrl}; no inbound activity can be authenticated", options.OpenIdMetadataUrl);
                throw new MetadataUnavailableException($"The OpenID metadata at {options.OpenIdMetadataUrl} could not be read.", e);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<SigningKeySet> FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var document = await http.GetStringAsync(options.OpenIdMetadataUrl, cancellationToken).ConfigureAwait(false);
        var configuration = OpenIdConnectConfiguration.Create(document);
        if (!Uri.TryCreate(configuration.JwksUri, UriKind.Absolute, out var jwksUri) || !TeamsOptionsValidator.IsSecureOrLoopback(jwksUri))
        {
            throw new InvalidOperationException("The OpenID metadata names no usable jwks_uri (absolute https, or http on loopback).");
        }

        var jwks = await http.GetStringAsync(jwksUri, cancellationToken).ConfigureAwait(false);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in new JsonWebKeySet(jwks).Keys)
        {
            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA || key.Use is { Length: > 0 } and not "sig")
            {
                continue;
            }

            keys[key.Kid] = new SigningKey(key, EndorsementsOf(key));
        }

        var algorithms = configuration.IdTokenSigningAlgValuesSupported.Where(IsAsymmetric).ToArray();
        return new SigningKeySet(keys, algorithms.Length > 0 ? algorithms : DefaultAlgorithms, now);
    }

    private static HashSet<string> EndorsementsOf(JsonWebKey key)
    {
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (key.AdditionalData.TryGetValue("endorsements", out var value) && value is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } channel)
                {
                    endorsements.Add(channel);
                }
            }
        }

        return endorsements;
    }

    /// <summary>Only public-key signatures: <c>none</c> and shared-secret HMAC algorithms are never accepted.</summary>
    private static bool IsAsymmetric(string algorithm) =>
        algorithm.StartsWith("RS", StringComparison.Ordinal) || algorithm.StartsWith("PS", StringComparison.Ordinal);

    public void Dispose() => _refresh.Dispose();
}
