using RecipeBot.Core.Channels;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Tests.Fakes;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Channels.Telegram.Tests.Channel;

/// <summary>The bot in webhook mode: real HTTP posts to its endpoint on loopback.</summary>
public sealed class WebhookChannelTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webhook-").FullName;
    private readonly HttpClient _http = new();
    private FakeBotApiServer _telegram = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        _bot = await BotHost.StartAsync(_telegram, Path.Combine(_directory, "bot.db"), webhook: true);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _telegram.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? secret = BotHost.WebhookSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_bot.Address, "/telegram/webhook"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        return _http.SendAsync(request);
    }

    private static string Update(long id, string updateWithoutId) => $$"""{"update_id": {{id}}, {{updateWithoutId[1..]}}""";

    [Fact]
    public async Task AtStartUp_TheWebhookIsRegisteredWithItsSecret_AndPendingUpdatesAreKept()
    {
        var registration = await _telegram.WaitForAsync("setWebhook");

        Assert.Equal("https://bot.example.ee/telegram/webhook", registration.Parameter("url"));
        Assert.Equal(BotHost.WebhookSecret, registration.Parameter("secret_token"));
        Assert.NotEqual(true, registration.BooleanParameter("drop_pending_updates"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData(BotHost.WebhookSecret + "x")]
    public async Task AMissingOrWrongSecret_Is401_AndHasNoEffect(string? secret)
    {
        using var response = await PostAsync(Update(1, FakeUpdates.TextMessage(91, "/start")), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The webhook stores an update before it answers, so a refused one is nowhere by now.
        Assert.Empty(await _bot.Services.GetRequiredService<IInboxStore>().PendingAsync("telegram", long.MinValue, 10, CancellationToken.None));
        Assert.Null(await _bot.Services.GetRequiredService<IConversationStore>().LoadAsync("telegram:91", CancellationToken.None));
        Assert.Empty(_telegram.RequestsFor("sendMessage"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"message": {"text": "no update id"}}""")]
    [InlineData("[]")]
    public async Task AMalformedBody_Is400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AValidUpdate_IsAnswered200_AndTheReplyFollows()
    {
        using var response = await PostAsync(Update(100, FakeUpdates.TextMessage(92, "/start", languageCode: "et")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 92);
        Assert.StartsWith("Tere!", reply.Parameter("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameUpdatePostedTwice_HasEffectOnce()
    {
        var body = Update(200, FakeUpdates.TextMessage(93, "/start"));

        using var first = await PostAsync(body);
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 93);
        using var second = await PostAsync(body);
        using var next = await PostAsync(Update(201, FakeUpdates.TextMessage(93, "/help")));
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 93 && (r.Parameter("text") ?? "").StartsWith("Press a button", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _telegram.RequestsFor("sendMessage").Count(r => r.Int64Parameter("chat_id") == 93));
    }

    [Fact]
    public async Task ABodyOverOneMebibyte_SentChunkedWithoutALength_Is413_AndHasNoEffect()
    {
        var padding = new string('a', 1 << 20);
        using var response = await PostChunkedAsync(Update(300, FakeUpdates.TextMessage(94, "/start"))[..^1] + $$""", "padding": "{{padding}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _bot.Services.GetRequiredService<IInboxStore>().PendingAsync("telegram", long.MinValue, 10, CancellationToken.None));
        Assert.Null(await _bot.Services.GetRequiredService<IConversationStore>().LoadAsync("telegram:94", CancellationToken.None));
    }

    [Fact]
    public async Task ASmallBodySentChunked_IsAccepted()
    {
        using var response = await PostChunkedAsync(Update(301, FakeUpdates.TextMessage(95, "/start", languageCode: "et")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _telegram.WaitForAsync("sendMessage", r => r.Int64Parameter("chat_id") == 95);
    }

    /// <summary>Posts with <c>Transfer-Encoding: chunked</c> and no <c>Content-Length</c>.</summary>
    private Task<HttpResponseMessage> PostChunkedAsync(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_bot.Address, "/telegram/webhook"))
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, BotHost.WebhookSecret);
        return _http.SendAsync(request);
    }
}
