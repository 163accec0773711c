using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RecipeBot.Channels.WebChat.Tokens;

/// <summary>
/// Issues and checks the visitors' tokens: <c>v1.{payload}.{signature}</c>, the payload (conversation, user, language,
/// expiry) in base64url and signed with HMAC-SHA256. Nothing is stored: the signature is the proof, so any instance with
/// the same <see cref="WebChatOptions.TokenSecret"/> accepts the token. Without a configured secret a random key is
/// made at start-up, and tokens end with the process.
/// </summary>
public sealed partial class WebChatTokens
{
    private const string Version = "v1";
    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public WebChatTokens(WebChatOptions options, TimeProvider time, ILogger<WebChatTokens> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _lifetime = options.TokenLifetime;
        _time = time;
        if (string.IsNullOrEmpty(options.TokenSecret))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            LogGeneratedKey(logger);
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(options.TokenSecret);
        }
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>A token for a new anonymous visitor, with a new conversation.</summary>
    public WebChatToken Issue(string? language) =>
        new(NewId(16), "dl_" + NewId(12), Languages.Normalize(language), _time.GetUtcNow() + _lifetime);

    /// <summary>The same conversation and visitor, good for another <see cref="Lifetime"/>.</summary>
    public WebChatToken Refresh(WebChatToken token) => token with { ExpiresAt = _time.GetUtcNow() + _lifetime };

    /// <summary>Direct Line's <c>expires_in</c>: whole seconds until the token expires.</summary>
    public int SecondsLeft(WebChatToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return (int)Math.Clamp((token.ExpiresAt - _time.GetUtcNow()).TotalSeconds, 0, int.MaxValue);
    }

    public string Write(WebChatToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = string.Join(
            '|',
            token.ConversationId,
            token.UserId,
            token.Language,
            token.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var body = Version + "." + Base64Url(Encoding.UTF8.GetBytes(payload));
        return body + "." + Base64Url(Sign(body));
    }

    /// <summary>Reads a presented token; only a valid one comes back in <paramref name="token"/>.</summary>
    public TokenCheck Read(string? text, out WebChatToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(text) || text.Length > 512)
        {
            return TokenCheck.Invalid;
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || parts[0] != Version
            || !TryDecode(parts[2], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1]))
            || !TryDecode(parts[1], out var payload))
        {
            return TokenCheck.Invalid;
        }

        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 4 || fields[0].Length == 0 || fields[1].Length == 0
            || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return TokenCheck.Invalid;
        }

        var read = new WebChatToken(fields[0], fields[1], fields[2], DateTimeOffset.FromUnixTimeSeconds(expires));
        if (read.ExpiresAt <= _time.GetUtcNow())
        {
            return TokenCheck.Expired;
        }

        token = read;
        return TokenCheck.Valid;
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(body));

    private static string NewId(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length > 512)
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebChat:TokenSecret is not set: web chat tokens are signed with a key made for this run and end with it")]
    private static partial void LogGeneratedKey(ILogger logger);
}
