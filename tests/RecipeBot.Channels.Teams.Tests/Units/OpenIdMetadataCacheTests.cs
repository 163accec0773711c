using RecipeBot.Channels.Teams.Authentication;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Units;

public sealed class OpenIdMetadataCacheTests : IAsyncLifetime
{
    private AuthenticatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AuthenticatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task TheKeysAreReadOnce_AndKeptUntilTheRefreshInterval()
    {
        for (var i = 0; i < 5; i++)
        {
            await _harness.Metadata.GetAsync(CancellationToken.None);
        }

        _harness.Time.Advance(_harness.Options.MetadataRefreshInterval - TimeSpan.FromSeconds(1));
        await _harness.Metadata.GetAsync(CancellationToken.None);
        Assert.Equal(1, _harness.Identity.KeysRequests);

        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        await _harness.Metadata.GetAsync(CancellationToken.None);
        Assert.Equal(2, _harness.Identity.KeysRequests);
        Assert.Equal(2, _harness.Identity.MetadataRequests);
    }

    [Fact]
    public async Task TheKeysCarryTheirEndorsements_AndTheMetadatasAlgorithms()
    {
        var keys = await _harness.Metadata.GetAsync(CancellationToken.None);

        Assert.True(keys.Keys[FakeIdentityServer.KeyId].Endorses("msteams"));
        Assert.False(keys.Keys[FakeIdentityServer.WebchatOnlyKeyId].Endorses("msteams"));
        Assert.False(keys.Keys[FakeIdentityServer.KeyId].Endorses(null));
        Assert.Equal(["RS256"], keys.Algorithms);
    }

    [Fact]
    public async Task AnUnknownKeyId_RereadsTheKeys_AtMostOncePerMinimumInterval()
    {
        await _harness.Metadata.GetAsync(CancellationToken.None);

        var (first, _) = await _harness.Metadata.FindAsync("unknown-1", CancellationToken.None);
        var (second, _) = await _harness.Metadata.FindAsync("unknown-2", CancellationToken.None);
        Assert.Equal(2, _harness.Identity.KeysRequests);

        _harness.Time.Advance(_harness.Options.MetadataMinimumRefreshInterval);
        await _harness.Metadata.FindAsync("unknown-3", CancellationToken.None);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(3, _harness.Identity.KeysRequests);
    }

    [Fact]
    public async Task WhenTheMetadataCannotBeRead_TheKeysReadBeforeAreKept()
    {
        await _harness.Metadata.GetAsync(CancellationToken.None);
        await _harness.Identity.DisposeAsync();
        _harness.Time.Advance(_harness.Options.MetadataRefreshInterval + TimeSpan.FromMinutes(1));

        var keys = await _harness.Metadata.GetAsync(CancellationToken.None);

        Assert.Contains(FakeIdentityServer.KeyId, keys.Keys.Keys);
    }

    [Fact]
    public async Task WhenTheMetadataWasNeverRead_TokensCannotBeChecked_503()
    {
        await _harness.Identity.DisposeAsync();

        var result = await _harness.Authenticator.AuthenticateAsync("Bearer " + BotToken.For(_harness.Identity, "https://x/").Write(), CancellationToken.None);

        Assert.Equal(503, result.StatusCode);
        Assert.False(result.Succeeded);
    }
}
