using RecipeBot.Channels.Teams.Authentication;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Units;

/// <summary>The authenticator on a fake clock: the skew is exactly five minutes either way.</summary>
public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private AuthenticatorHarness _harness = null!;
    private DateTime _expires;

    public async Task InitializeAsync()
    {
        _harness = await AuthenticatorHarness.StartAsync();
        _expires = _harness.Time.GetUtcNow().UtcDateTime.AddMinutes(10);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<AuthenticationResult> AuthenticateAsync() =>
        _harness.Authenticator.AuthenticateAsync(
            "Bearer " + (BotToken.For(_harness.Identity, ServiceUrl) with { Expires = _expires, NotBefore = _expires.AddHours(-1) }).Write(),
            CancellationToken.None);

    [Theory]
    [InlineData(0, 200)]
    [InlineData(299, 200)]
    [InlineData(301, 401)]
    public async Task ExpiryAllowsFiveMinutesOfClockSkew(int secondsPastExpiry, int status)
    {
        _harness.Time.SetUtcNow(new DateTimeOffset(_expires.AddSeconds(secondsPastExpiry), TimeSpan.Zero));

        var result = await AuthenticateAsync();

        Assert.Equal(status, result.StatusCode);
    }

    [Fact]
    public async Task TheIdentityCarriesTheServiceUrlClaim_AndTheActivityIsCheckedAgainstIt()
    {
        var identity = (await AuthenticateAsync()).Identity!;

        Assert.Equal(ServiceUrl, identity.ServiceUrl);
        Assert.True(BotFrameworkAuthenticator.Authorize(identity, new TeamsActivity { ServiceUrl = ServiceUrl, ChannelId = "msteams" }).Succeeded);
        Assert.Equal(401, BotFrameworkAuthenticator.Authorize(identity, new TeamsActivity { ServiceUrl = "https://evil.example/", ChannelId = "msteams" }).StatusCode);
        Assert.Equal(403, BotFrameworkAuthenticator.Authorize(identity, new TeamsActivity { ServiceUrl = ServiceUrl, ChannelId = "webchat" }).StatusCode);
        Assert.Equal(403, BotFrameworkAuthenticator.Authorize(identity, new TeamsActivity { ServiceUrl = ServiceUrl }).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task NoBearerToken_Is401(string? header)
    {
        var result = await _harness.Authenticator.AuthenticateAsync(header, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(0, _harness.Identity.KeysRequests);
    }
}
