namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// Keeps the bot token out of text that leaves the client. The secret half (after the colon) is
/// redacted on its own too, because a URL-encoded token shows the colon as %3A.
/// </summary>
internal sealed class TokenRedactor(string token)
{
    public const string Placeholder = "<token>";

    private readonly string _secret = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public bool Reveals(string? text) =>
        text is not null
        && (text.Contains(token, StringComparison.Ordinal) || (_secret.Length >= 8 && text.Contains(_secret, StringComparison.Ordinal)));

    public string Redact(string text)
    {
        if (!Reveals(text))
        {
            return text;
        }

        var redacted = text.Replace(token, Placeholder, StringComparison.Ordinal);
        return _secret.Length >= 8 ? redacted.Replace(_secret, Placeholder, StringComparison.Ordinal) : redacted;
    }

    /// <summary>
    /// Returns <paramref name="exception"/> itself when no message in its chain reveals the token;
    /// otherwise a replacement whose message is the redacted chain and which has no inner exception.
    /// </summary>
    public HttpRequestException Sanitize(HttpRequestException exception)
    {
        var messages = new List<string>();
        var revealing = false;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
            revealing |= Reveals(current.Message);
        }

        return revealing
            ? new HttpRequestException(exception.HttpRequestError, Redact(string.Join(" ---> ", messages)), inner: null, exception.StatusCode)
            : exception;
    }
}
