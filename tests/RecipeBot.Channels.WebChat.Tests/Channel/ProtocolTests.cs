using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>Who may call and how often: token expiry and refresh, forged tokens, rate limits (429), allowed origins.</summary>
public sealed class ProtocolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webchat-").FullName;

    private string Database => Path.Combine(_directory, "bot.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AnExpiredToken_Is403_WhileTheTokenRefreshedBeforeItGoesOn()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database, null, "--WebChat:TokenLifetime=00:10:00");
        using var visitor = await new DirectLineVisitor(host).ArriveAsync();
        var old = visitor.Token;
        host.Time.Advance(TimeSpan.FromMinutes(8));
        using var refresh = await visitor.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();

        // Act
        host.Time.Advance(TimeSpan.FromMinutes(3));
        using var withOld = await visitor.GetActivitiesAsync();
        visitor.Token = refreshed.GetProperty("token").GetString()!;
        using var withNew = await visitor.GetActivitiesAsync();
        host.Time.Advance(TimeSpan.FromMinutes(8));
        using var withNewLater = await visitor.GetActivitiesAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(visitor.ConversationId, refreshed.GetProperty("conversationId").GetString());
        Assert.Equal(600, refreshed.GetProperty("expires_in").GetInt32());
        Assert.NotEqual(old, visitor.Token);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Contains("TokenExpired", await withOld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withNewLater.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.abc.def")]
    [InlineData("not a token at all")]
    public async Task AMissingOrForgedToken_Is401(string token)
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var visitor = await new DirectLineVisitor(host).ArriveAsync();
        var parts = visitor.Token.Split('.');
        visitor.Token = token;

        // Act
        using var forged = await visitor.GetActivitiesAsync();
        visitor.Token = parts[0] + "." + parts[1] + "A." + parts[2];
        using var tampered = await visitor.GetActivitiesAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    [Fact]
    public async Task AToken_ReadsAndWritesOnlyItsOwnConversation()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var anna = await new DirectLineVisitor(host).ArriveAsync();
        using var mart = await new DirectLineVisitor(host).ArriveAsync();
        await anna.BotMessageAsync(1);

        // Act
        using var read = await mart.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{anna.ConversationId}/activities");
        using var write = await mart.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{anna.ConversationId}/activities", JsonContent.Create(new { type = "message", text = "hi" }));

        // Assert
        Assert.NotEqual(anna.ConversationId, mart.ConversationId);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Single(DirectLineVisitor.BotMessages((await anna.AllAsync()).Activities));
    }

    [Fact]
    public async Task ATokenOverItsLimit_Gets429WithRetryAfter_UntilTheMinuteIsOver()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database, null, "--WebChat:RequestsPerMinutePerToken=4");
        using var visitor = await new DirectLineVisitor(host).ArriveAsync();
        using var other = await new DirectLineVisitor(host).ArriveAsync();

        // Act: the start was the first of four.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await visitor.GetActivitiesAsync();
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
            }
        }

        using var otherToken = await other.GetActivitiesAsync();
        host.Time.Advance(TimeSpan.FromSeconds(61));
        using var later = await visitor.GetActivitiesAsync();

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task AnAddressAskingForTooManyTokens_Gets429()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database, null, "--WebChat:TokensPerMinutePerAddress=2");
        using var visitor = new DirectLineVisitor(host);

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await visitor.Http.PostAsync("/webchat/token", null);
            statuses.Add(response.StatusCode);
        }

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task OnlyAllowedOrigins_GetATokenAndCors()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database, null, "--WebChat:AllowedOrigins:0=https://www.tartu.ee");
        using var visitor = new DirectLineVisitor(host);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://www.tartu.ee");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");

        // Act
        using var allowed = await visitor.SendAsync(HttpMethod.Post, "/webchat/token", origin: "https://www.tartu.ee");
        using var elsewhere = await visitor.SendAsync(HttpMethod.Post, "/webchat/token", origin: "https://evil.example");
        using var ownPage = await visitor.SendAsync(HttpMethod.Post, "/webchat/token", origin: host.Address.GetLeftPart(UriPartial.Authority));
        using var preflighted = await visitor.Http.SendAsync(preflight);

        // Assert
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://www.tartu.ee", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.False(elsewhere.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, preflighted.StatusCode);
        Assert.Contains("authorization", preflighted.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"type\": 5}")]
    [InlineData("{\"type\": \"message\", \"text\": [1]}")]
    [InlineData("{\"type\": \"message\", \"text\": \"\\uD800\"}")]
    [InlineData("{\"type\": \"message\", \"timestamp\": \"yesterday\"}")]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("{\"type\": \"message\", \"attachments\": {}}")]
    public async Task ABodyThatIsNoActivity_Is400_Never500(string body)
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var visitor = await new DirectLineVisitor(host).ArriveAsync();

        // Act
        using var response = await visitor.PostJsonAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BadArgument", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLargeOrTooDeepBodies_Are413And400()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var visitor = await new DirectLineVisitor(host).ArriveAsync();
        var large = JsonSerializer.Serialize(new { type = "message", text = new string('a', 70_000) });
        var deep = "{\"type\":\"message\",\"value\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";

        // Act
        using var tooLarge = await visitor.PostJsonAsync(large);
        using var chunked = await visitor.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{visitor.ConversationId}/activities", new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(large))));
        using var tooDeep = await visitor.PostJsonAsync(deep);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
    }

    [Fact]
    public async Task NeitherTheSecretNorAnyToken_IsEverLogged()
    {
        // Arrange
        List<string> tokens = [];
        IReadOnlyList<string> logged;
        await using (var host = await WebChatBotHost.StartAsync(Database))
        {
            using var visitor = await new DirectLineVisitor(host).ArriveAsync();
            tokens.Add(visitor.Token);
            await visitor.SayAsync("/help");
            await visitor.BotMessageAsync(2);
            using var refresh = await visitor.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
            tokens.Add((await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
            logged = host.Logged;
        }

        // Assert
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(logged, line => line.Contains(WebChatBotHost.Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => tokens.Any(t => line.Contains(t.Split('.')[2], StringComparison.Ordinal)));
    }
}
