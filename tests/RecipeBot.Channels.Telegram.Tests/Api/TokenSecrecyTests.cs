using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Channels.Telegram.Tests.Logging;

namespace RecipeBot.Channels.Telegram.Tests.Api;

/// <summary>The token is in every request URL; it must reach no exception and no log line, whatever fails.</summary>
public sealed class TokenSecrecyTests
{
    private const string Secret = "AAH-test_token-0123456789abcdefghijkl";

    public static TheoryData<string> Failures =>
    [
        "429 rate limit",
        "400 migrated group",
        "403 blocked",
        "401 unauthorized",
        "502 html page echoing the url",
        "400 description echoing the token",
        "json of the wrong shape echoing the url",
        "empty body",
        "malformed json",
        "long poll timeout",
        "server unreachable",
    ];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task NoExceptionOrLogLine_ContainsTheToken(string failure)
    {
        var logger = new CapturingLogger<TelegramBotClient>();

        var exception = await FailAsync(failure, logger);

        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logger.Entries);
        Assert.All(logger.Entries, entry => Assert.DoesNotContain(Secret, entry.FullText, StringComparison.Ordinal));
    }

    [Fact]
    public void TheSecretIsPartOfTheTestToken_SoTheChecksAboveCanFail()
    {
        Assert.Equal("123456789:" + Secret, FakeBotApiServer.DefaultToken);
    }

    private static async Task<Exception> FailAsync(string failure, CapturingLogger<TelegramBotClient> logger)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl, logger) { LongPollGrace = TimeSpan.FromMilliseconds(100) };
        var echo = $"/bot{server.Token}/getMe";
        FakeResponse? response = failure switch
        {
            "429 rate limit" => FakeResponse.Error(429, "Too Many Requests: retry after 5", retryAfter: 5),
            "400 migrated group" => FakeResponse.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: -100123),
            "403 blocked" => FakeResponse.Error(403, "Forbidden: bot was blocked by the user"),
            "401 unauthorized" => FakeResponse.Error(401, "Unauthorized"),
            "502 html page echoing the url" => FakeResponse.Raw(502, $"<html><body>Bad gateway while fetching {echo}</body></html>", "text/html"),
            "400 description echoing the token" => FakeResponse.Error(400, $"Bad Request: unexpected token {server.Token}"),
            "json of the wrong shape echoing the url" => FakeResponse.Raw(500, $$"""{"path":"{{echo}}"}""", "application/json"),
            "empty body" => FakeResponse.Raw(503, "", "text/plain"),
            "malformed json" => FakeResponse.Raw(200, $$"""{"ok":true,"result":{"url":"{{echo}}""", "application/json"),
            "long poll timeout" => FakeResponse.OkJson("[]") with { Delay = TimeSpan.FromSeconds(30) },
            "server unreachable" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure"),
        };
        if (response is null)
        {
            // Nothing listens on the port any more: a genuine transport error.
            await server.DisposeAsync();
        }
        else
        {
            server.Respond("getUpdates", _ => response);
        }

        return await Assert.ThrowsAnyAsync<Exception>(() => client.GetUpdatesAsync(null, 0, [], CancellationToken.None));
    }
}
