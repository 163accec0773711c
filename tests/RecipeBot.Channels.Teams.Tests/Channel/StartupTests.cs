using System.Net;
using Microsoft.Extensions.Options;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>When the channel is on, and what it refuses to start with.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-teams-startup-").FullName;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WithNeitherTelegramNorTeamsConfigured_ThereIsNoBotToRun()
    {
        Assert.Null(TeamsBotHost.Create([], DatabasePath));
    }

    [Fact]
    public async Task OutsideDevelopment_TheChannelWithoutAnAppId_StopsStartUpWithAClearError()
    {
        await using var app = TeamsBotHost.Create(["--Teams:Enabled=true"], DatabasePath);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app!.StartAsync());

        Assert.Contains("Teams:AppId is not set, and the environment is 'Production'", error.Message, StringComparison.Ordinal);
        Assert.Contains("only in the Development environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppIdWithoutItsPassword_StopsStartUpWithAClearError()
    {
        await using var app = TeamsBotHost.Create(["--Teams:AppId=test-app-id"], DatabasePath);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app!.StartAsync());

        Assert.Contains("Teams:AppPassword is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHttpAuthorityOffLoopback_StopsStartUp()
    {
        await using var app = TeamsBotHost.Create(["--Teams:AppId=test-app-id", "--Teams:AppPassword=x", "--Teams:Authority=http://login.example.org/tenant"], DatabasePath);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app!.StartAsync());

        Assert.Contains("Teams:Authority must be an absolute https address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentWithoutAnAppId_TheEmulatorIsServedAnonymously_WithoutTokens()
    {
        await using var connector = await FakeConnectorServer.StartAsync();
        await using var bot = await TeamsBotHost.StartWithAsync(["--environment=Development", "--Teams:Enabled=true"], DatabasePath);
        using var poster = new TeamsPoster(bot.MessagesUrl);
        var activity = Activities.BotAdded(connector.ServiceUrl, "emulator-conversation");
        activity["channelId"] = "emulator";

        using var response = await poster.PostAsync(activity, token: null);
        var greeting = await connector.WaitForReplyAsync("emulator-conversation", activity["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Hello! I am RecipeBot.", greeting.Text, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(greeting.Authorization), "no token is sent in anonymous mode");
    }

    [Fact]
    public async Task InDevelopmentWithAnAppId_TokensAreStillRequired()
    {
        await using var identity = await FakeIdentityServer.StartAsync();
        await using var connector = await FakeConnectorServer.StartAsync();
        await using var bot = await TeamsBotHost.StartAsync(identity, DatabasePath, "--environment=Development");
        using var poster = new TeamsPoster(bot.MessagesUrl);

        using var response = await poster.PostAsync(Activities.Message(connector.ServiceUrl, "a:dev", "/start"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
