using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RecipeBot.Channels.WebChat;

/// <summary>The start-up checks data annotations cannot express: the secret's length, the colour, the script and the origins.</summary>
public sealed partial class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.TokenSecret) && options.TokenSecret.Length < MinSecretLength)
        {
            // The secret itself is never repeated: only its length is wrong.
            failures.Add($"WebChat:TokenSecret must be at least {MinSecretLength} characters (set WebChat__TokenSecret to a long random value, or leave it empty for a key per start).");
        }

        if (!Colour().IsMatch(options.AccentColor ?? string.Empty))
        {
            failures.Add("WebChat:AccentColor must be a colour written #RRGGBB, such as #1F6FB2.");
        }

        if (options.ScriptUrl is { } script && !IsSecureOrLoopback(script))
        {
            failures.Add("WebChat:ScriptUrl must be an absolute https address (http only on loopback).");
        }

        if (!string.IsNullOrWhiteSpace(options.ScriptFile) && !File.Exists(options.ScriptFile))
        {
            failures.Add($"WebChat:ScriptFile '{options.ScriptFile}' does not exist (the dist/webchat.js of npm botframework-webchat).");
        }

        foreach (var origin in options.AllowedOrigins.Where(o => o != "*" && !IsOrigin(o)))
        {
            failures.Add($"WebChat:AllowedOrigins: '{origin}' is not an origin such as https://www.example.ee (scheme and host, no path).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && !text.EndsWith('/') && string.IsNullOrEmpty(uri.Query);

    private static bool IsSecureOrLoopback(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Colour();
}
