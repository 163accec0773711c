using System.Net;
using Microsoft.IdentityModel.Tokens;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>
/// Every rule of "Authentication with the Bot Connector API", broken one at a time: each request
/// is refused with 401 (403 for a channel the key does not endorse) and has no effect at all —
/// no conversation, no conversation reference, nothing sent.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task AssertRejectedAsync(string conversation, BotToken? token, HttpStatusCode expected = HttpStatusCode.Unauthorized, string? rawToken = null)
    {
        var activity = Activities.Message(_bed.ServiceUrl, conversation, "/start");

        using var response = await _bed.Poster.PostAsync(activity, rawToken ?? token?.Write());

        Assert.Equal(expected, response.StatusCode);
        await _bed.AssertNothingProcessedAsync(conversation);
    }

    [Fact]
    public async Task AValidToken_IsAccepted()
    {
        var reply = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:valid", "/start"));

        Assert.NotNull(reply.Text);
    }

    [Fact]
    public Task NoBearerToken_Is401() => AssertRejectedAsync("a:no-token", null);

    [Fact]
    public Task ATokenThatIsNotAJwt_Is401() => AssertRejectedAsync("a:garbage", null, rawToken: "not-a-jwt");

    [Fact]
    public Task AWrongIssuer_Is401() => AssertRejectedAsync("a:issuer", _bed.Token with { Issuer = "https://sts.example.org/" });

    [Fact]
    public Task AWrongAudience_Is401() => AssertRejectedAsync("a:audience", _bed.Token with { Audience = "some-other-bot" });

    [Fact]
    public Task ATokenExpiredBeyondTheFiveMinuteSkew_Is401() =>
        AssertRejectedAsync("a:expired", _bed.Token with { Expires = DateTime.UtcNow.AddMinutes(-6), NotBefore = DateTime.UtcNow.AddMinutes(-60) });

    [Fact]
    public async Task ATokenExpiredWithinTheFiveMinuteSkew_IsAccepted()
    {
        var activity = Activities.Message(_bed.ServiceUrl, "a:within-skew", "/start");

        using var response = await _bed.PostAsync(activity, _bed.Token with { Expires = DateTime.UtcNow.AddMinutes(-4), NotBefore = DateTime.UtcNow.AddMinutes(-60) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bed.Connector.WaitForReplyAsync("a:within-skew", activity["id"]!.GetValue<string>());
    }

    [Fact]
    public Task ATokenNotValidYetBeyondTheSkew_Is401() =>
        AssertRejectedAsync("a:not-yet", _bed.Token with { NotBefore = DateTime.UtcNow.AddMinutes(10), Expires = DateTime.UtcNow.AddMinutes(60) });

    [Fact]
    public async Task AnUnknownSigningKey_MakesTheBotReadTheKeysOnceMore_AndIs401()
    {
        await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:warm-up", "/start"));
        var before = _bed.Identity.KeysRequests;

        await AssertRejectedAsync("a:unknown-kid", _bed.Token with { Key = BotToken.ForeignKey("rolled-over-key") });
        var afterFirst = _bed.Identity.KeysRequests;
        await AssertRejectedAsync("a:unknown-kid-2", _bed.Token with { Key = BotToken.ForeignKey("another-unknown-key") });

        Assert.Equal(before + 1, afterFirst);
        // Forged key ids cannot make the bot hammer the metadata service.
        Assert.Equal(afterFirst, _bed.Identity.KeysRequests);
    }

    [Fact]
    public Task ASignatureByAnotherKeyUnderAPublishedKeyId_Is401() =>
        AssertRejectedAsync("a:forged", _bed.Token with { Key = BotToken.ForeignKey(FakeIdentityServer.KeyId) });

    [Fact]
    public Task AnUnsignedToken_AlgNone_Is401() =>
        AssertRejectedAsync("a:alg-none", null, rawToken: _bed.Token.WriteUnsigned(FakeIdentityServer.KeyId));

    [Fact]
    public Task AnHs256Token_Is401()
    {
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = FakeIdentityServer.KeyId };
        return AssertRejectedAsync("a:hs256", _bed.Token with { Key = secret, Algorithm = SecurityAlgorithms.HmacSha256 });
    }

    [Fact]
    public Task AServiceUrlClaimThatIsNotTheActivitysServiceUrl_Is401() =>
        AssertRejectedAsync("a:service-url", _bed.Token with { ServiceUrl = "https://smba.trafficmanager.net/emea/" });

    [Fact]
    public Task ATokenWithoutAServiceUrlClaim_Is401() => AssertRejectedAsync("a:no-service-url", _bed.Token with { ServiceUrl = null });

    [Fact]
    public Task AKeyThatDoesNotEndorseTheChannel_Is403() =>
        AssertRejectedAsync("a:endorsement", _bed.Token with { Key = _bed.Identity.WebchatOnlyKey }, HttpStatusCode.Forbidden);

    [Fact]
    public async Task AnActivityWhoseServiceUrlDiffersFromTheToken_IsNotAnsweredAnywhere()
    {
        await using var elsewhere = await FakeConnectorServer.StartAsync();
        var activity = Activities.Message(elsewhere.ServiceUrl, "a:redirected", "/start");

        using var response = await _bed.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _bed.AssertNothingProcessedAsync("a:redirected");
        Assert.Empty(elsewhere.Received);
    }
}
