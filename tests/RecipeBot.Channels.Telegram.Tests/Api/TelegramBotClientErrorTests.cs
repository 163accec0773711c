using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Tests.Fakes;

namespace RecipeBot.Channels.Telegram.Tests.Api;

public sealed class TelegramBotClientErrorTests
{
    private const string BadGatewayPage = """
        <html>
        <head><title>502 Bad Gateway</title></head>
        <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>
        </html>
        """;

    [Fact]
    public async Task TooManyRequests_BecomesTelegramApiException_WithRetryAfter()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("sendMessage", _ => FakeResponse.Error(429, "Too Many Requests: retry after 5", retryAfter: 5));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.SendMessageAsync(1, "Hi", null, CancellationToken.None));

        Assert.Equal("Telegram sendMessage failed: 429 Too Many Requests: retry after 5", exception.Message);
        Assert.Equal("sendMessage", exception.Method);
        Assert.Equal(429, exception.ErrorCode);
        Assert.Equal("Too Many Requests: retry after 5", exception.Description);
        Assert.Equal(TimeSpan.FromSeconds(5), exception.RetryAfter);
        Assert.Null(exception.MigrateToChatId);
    }

    [Fact]
    public async Task GroupUpgradedToSupergroup_BecomesTelegramApiException_WithMigrateToChatId()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("sendMessage", _ => FakeResponse.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: -1001234567890));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.SendMessageAsync(-4567, "Hi", null, CancellationToken.None));

        Assert.Equal(400, exception.ErrorCode);
        Assert.Equal(-1001234567890, exception.MigrateToChatId);
        Assert.Null(exception.RetryAfter);
    }

    [Fact]
    public async Task BlockedByTheUser_BecomesTelegramApiException_WithErrorCode403()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("sendMessage", _ => FakeResponse.Error(403, "Forbidden: bot was blocked by the user"));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.SendMessageAsync(1, "Hi", null, CancellationToken.None));

        Assert.Equal(403, exception.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", exception.Description);
    }

    [Fact]
    public async Task WrongToken_BecomesTelegramApiException_WithErrorCode401()
    {
        await using var api = await BotApiHarness.StartAsync(clientToken: "987654321:AAH-another_token-abcdefghijklmnopqrst");

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.GetMeAsync(CancellationToken.None));

        Assert.Equal("Telegram getMe failed: 401 Unauthorized", exception.Message);
    }

    [Fact]
    public async Task ProxyHtmlErrorPage_BecomesTelegramApiException_WithTheStatusAndAOneLineSnippet()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("getUpdates", _ => FakeResponse.Raw(502, BadGatewayPage + new string('x', 500), "text/html"));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.GetUpdatesAsync(null, 0, [], CancellationToken.None));

        Assert.Equal(502, exception.ErrorCode);
        Assert.StartsWith(
            "the response body was not JSON (HTTP 502, text/html): <html> <head><title>502 Bad Gateway</title></head> <body>",
            exception.Description,
            StringComparison.Ordinal);
        Assert.EndsWith("x…", exception.Description, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Description);
        Assert.True(exception.Description.Length < 300, exception.Description);
    }

    [Fact]
    public async Task EmptyErrorBody_BecomesTelegramApiException_SayingTheBodyWasNotJson()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("getMe", _ => FakeResponse.Raw(504, "", "text/plain"));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.GetMeAsync(CancellationToken.None));

        Assert.Equal("Telegram getMe failed: 504 the response body was empty, not JSON (HTTP 504, text/plain)", exception.Message);
    }

    [Fact]
    public async Task MalformedJsonWithStatus200_BecomesTelegramApiException()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("getMe", _ => FakeResponse.Raw(200, """{"ok":true,"result":{"id":1,""", "application/json"));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.GetMeAsync(CancellationToken.None));

        Assert.Equal(200, exception.ErrorCode);
        Assert.StartsWith("the response body was not JSON (HTTP 200, application/json)", exception.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonOfTheWrongShape_BecomesTelegramApiException_NamingTheMissingField()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("sendMessage", _ => FakeResponse.OkJson("""{"message_id": 1, "date": 0}"""));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.SendMessageAsync(1, "Hi", null, CancellationToken.None));

        Assert.StartsWith("the response body is JSON but not a Bot API response this client can read (HTTP 200)", exception.Description, StringComparison.Ordinal);
        Assert.Contains("chat", exception.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OkFalseWithStatus200_BecomesTelegramApiException_WithTheBodysErrorCode()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("getMe", _ => FakeResponse.Raw(200, """{"ok":false,"error_code":420,"description":"Flood"}""", "application/json"));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.GetMeAsync(CancellationToken.None));

        Assert.Equal("Telegram getMe failed: 420 Flood", exception.Message);
    }

    [Fact]
    public async Task OkWithoutResult_BecomesTelegramApiException()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("getMe", _ => FakeResponse.Raw(200, """{"ok":true}""", "application/json"));

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.GetMeAsync(CancellationToken.None));

        Assert.Equal("Telegram getMe failed: 200 the response said ok but carried no result", exception.Message);
    }

    [Fact]
    public async Task RefusedCalls_AreLoggedAtWarning()
    {
        await using var api = await BotApiHarness.StartAsync();
        api.Server.Respond("sendMessage", _ => FakeResponse.Error(403, "Forbidden: bot was blocked by the user"));

        await Assert.ThrowsAsync<TelegramApiException>(() => api.Client.SendMessageAsync(1, "Hi", null, CancellationToken.None));

        var entry = Assert.Single(api.Logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Matches(@"^Telegram sendMessage answered 403 in \d+ ms: 403 Forbidden: bot was blocked by the user$", entry.Message);
    }

    [Fact]
    public async Task TransportErrorsThatNameTheUrl_AreRethrownWithTheTokenRedacted()
    {
        var token = FakeBotApiServer.DefaultToken;
        using var httpClient = new HttpClient(new FailingHandler());
        var logger = new Logging.CapturingLogger<TelegramBotClient>();
        var client = new TelegramBotClient(httpClient, token, new Uri("https://api.telegram.org"), logger);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.Equal(
            "Could not reach https://api.telegram.org/bot<token>/getMe ---> Name or service not known (api.telegram.org:443) for bot123456789%3A<token>",
            exception.Message);
        Assert.Null(exception.InnerException);
        Assert.Equal(System.Net.HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal(HttpRequestError.NameResolutionError, exception.HttpRequestError);
        Assert.DoesNotContain(token, Assert.Single(logger.Entries).FullText, StringComparison.Ordinal);
    }

    /// <summary>Fails like a handler that puts the request URL (and so the token) into its message.</summary>
    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(
                HttpRequestError.NameResolutionError,
                $"Could not reach {request.RequestUri}",
                new IOException($"Name or service not known (api.telegram.org:443) for bot{Uri.EscapeDataString(FakeBotApiServer.DefaultToken)}"),
                System.Net.HttpStatusCode.BadGateway);
    }
}
