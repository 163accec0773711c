using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RecipeBot.Channels.Teams;

/// <summary>
/// The start-up checks that need the environment: without an app id the channel accepts
/// anonymous requests, which only the Development environment (the Bot Framework Emulator) may do.
/// </summary>
public sealed class TeamsOptionsValidator(IHostEnvironment environment) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!options.HasAppId && !environment.IsDevelopment())
        {
            failures.Add(
                $"Teams:AppId is not set, and the environment is '{environment.EnvironmentName}'. Set Teams__AppId and Teams__AppPassword " +
                "to the Azure Bot's Microsoft App ID and client secret. Anonymous requests (the Bot Framework Emulator) are accepted only " +
                "in the Development environment with no app id.");
        }

        if (options.HasAppId && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Teams:AppPassword is not set. Set Teams__AppPassword to the client secret of the app registration of Teams:AppId.");
        }

        if (!IsSecureOrLoopback(options.OpenIdMetadataUrl))
        {
            failures.Add("Teams:OpenIdMetadataUrl must be an absolute https address (http only on loopback).");
        }

        if (!IsSecureOrLoopback(options.EffectiveAuthority))
        {
            failures.Add("Teams:Authority must be an absolute https address (http only on loopback).");
        }

        if (!options.MessagesPath.StartsWith('/'))
        {
            failures.Add("Teams:MessagesPath must start with '/'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Loopback never leaves the machine, so tests and local servers may use plain http there.</summary>
    public static bool IsSecureOrLoopback(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
