using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Channels.Teams.Sending;
using RecipeBot.Channels.Teams.Tests.Fakes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>Replies through the fake connector: retries, tokens and where the bot is willing to post.</summary>
public sealed class OutboundTests : IAsyncLifetime
{
    private TeamsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TeamsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A429_IsRetriedAfterItsRetryAfter()
    {
        _bed.Connector.Script(new ScriptedAnswer(429, RetryAfterSeconds: 1));

        var reply = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:throttled", "/start"));
        var delivered = await _bed.Connector.WaitForAsync(r => r.ConversationId == "a:throttled" && r.AnsweredWith == 201);

        var attempts = _bed.Connector.For("a:throttled");
        Assert.Equal([429, 201], attempts.Select(a => a.AnsweredWith));
        Assert.True(delivered.At - reply.At >= TimeSpan.FromSeconds(1), $"retried after {delivered.At - reply.At}, before Retry-After");
        Assert.Equal(reply.Activity.GetRawText(), delivered.Activity.GetRawText());
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task ATransientFailure_IsRetriedWithBackoff(int status)
    {
        var conversation = $"a:transient-{status}";
        _bed.Connector.Script(new ScriptedAnswer(status), new ScriptedAnswer(status));

        await _bed.SendAsync(Activities.Message(_bed.ServiceUrl, conversation, "/start"));
        await _bed.Connector.WaitForAsync(r => r.ConversationId == conversation && r.AnsweredWith == 201);

        Assert.Equal([status, status, 201], _bed.Connector.For(conversation).Select(a => a.AnsweredWith));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task AnotherClientError_IsNotRetried_AndTheNextReplyStillGoesOut(int status)
    {
        var conversation = $"a:client-error-{status}";
        _bed.Connector.Script(new ScriptedAnswer(status));

        await _bed.SendAsync(Activities.Message(_bed.ServiceUrl, conversation, "/start"));
        await _bed.Connector.WaitForAsync(r => r.ConversationId == conversation);
        await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, conversation, "/help"));

        Assert.Equal([status, 201], _bed.Connector.For(conversation).Select(a => a.AnsweredWith));
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheMaximumWait_KeepsTheReplyInTheOutbox_AndItGoesOutLaterBeforeTheNext()
    {
        _bed.Connector.Script(new ScriptedAnswer(429, RetryAfterSeconds: 600));
        var start = Activities.Message(_bed.ServiceUrl, "a:long-wait", "/start");

        await _bed.SendAsync(start);
        await _bed.Connector.WaitForAsync(r => r.ConversationId == "a:long-wait");
        var help = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:long-wait", "/help"));

        var attempts = _bed.Connector.For("a:long-wait");
        Assert.Equal([429, 201, 201], attempts.Select(a => a.AnsweredWith));
        Assert.Equal(start["id"]!.GetValue<string>(), attempts[1].ReplyToId);
        Assert.Equal(help.ReplyToId, attempts[2].ReplyToId);
    }

    [Fact]
    public async Task OneTokenServesManyReplies()
    {
        for (var i = 0; i < 4; i++)
        {
            await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, $"a:token-{i}", "/start"));
        }

        var request = Assert.Single(_bed.Identity.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal(TeamsBotHost.AppId, request["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
        Assert.All(_bed.Connector.Received, r => Assert.Equal("Bearer " + FakeIdentityServer.AccessToken(1), r.Authorization));
    }

    [Fact]
    public async Task TheTokenIsRenewedBeforeItExpires()
    {
        // Renewed when less than five minutes are left: a 302-second token is good for about two seconds.
        _bed.Identity.TokenLifetimeSeconds = 302;

        var first = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:renew-1", "/start"));
        var second = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:renew-2", "/start"));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var third = await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:renew-3", "/start"));

        Assert.Equal("Bearer " + FakeIdentityServer.AccessToken(1), first.Authorization);
        Assert.Equal("Bearer " + FakeIdentityServer.AccessToken(1), second.Authorization);
        // The first token still had almost five minutes, yet the third reply carries a new one.
        Assert.Equal("Bearer " + FakeIdentityServer.AccessToken(2), third.Authorization);
        Assert.Equal(2, _bed.Identity.TokenRequests.Count);
    }

    [Fact]
    public async Task TheBotPostsOnlyToServiceUrlsLearnedFromAuthenticatedActivities()
    {
        await using var stranger = await FakeConnectorServer.StartAsync();
        var connector = _bed.Bot.Services.GetRequiredService<TeamsConnectorClient>();
        var activity = new TeamsActivity { Type = ActivityTypes.Message, Text = "hello" };

        var refused = await Assert.ThrowsAsync<TeamsConnectorException>(() => connector.SendToConversationAsync(stranger.ServiceUrl, "a:stranger", activity, CancellationToken.None));
        await _bed.ExchangeAsync(Activities.Message(_bed.ServiceUrl, "a:learned", "/start"));
        await connector.SendToConversationAsync(_bed.ServiceUrl, "a:learned", activity, CancellationToken.None);

        Assert.Contains("no authenticated activity came from that service URL", refused.Message, StringComparison.Ordinal);
        Assert.Empty(stranger.Received);
        Assert.Equal(2, _bed.Connector.For("a:learned").Count);
    }
}
