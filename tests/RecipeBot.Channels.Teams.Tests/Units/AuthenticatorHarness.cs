using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RecipeBot.Channels.Teams.Authentication;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Units;

/// <summary>The metadata cache and the authenticator on a fake clock, against the fake identity service over real HTTP.</summary>
public sealed class AuthenticatorHarness : IAsyncDisposable
{
    private readonly SingleHttpClientFactory _http = new();

    private AuthenticatorHarness(FakeIdentityServer identity)
    {
        Identity = identity;
        Options = new TeamsOptions { AppId = "test-app-id", AppPassword = "secret", OpenIdMetadataUrl = identity.MetadataUrl };
        Metadata = new OpenIdMetadataCache(_http, Options, Time, NullLogger<OpenIdMetadataCache>.Instance);
        Authenticator = new BotFrameworkAuthenticator(Metadata, Options, new Production(), Time);
    }

    public FakeIdentityServer Identity { get; }

    /// <summary>Starts at the real time, so that tokens written with the real clock line up.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public TeamsOptions Options { get; }

    public OpenIdMetadataCache Metadata { get; }

    public BotFrameworkAuthenticator Authenticator { get; }

    public static async Task<AuthenticatorHarness> StartAsync() => new(await FakeIdentityServer.StartAsync());

    public async ValueTask DisposeAsync()
    {
        Metadata.Dispose();
        _http.Dispose();
        await Identity.DisposeAsync();
    }

    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "RecipeBot";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
