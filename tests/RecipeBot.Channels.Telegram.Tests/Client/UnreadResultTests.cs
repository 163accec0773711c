using System.Text;
using System.Text.Json;
using RecipeBot.Channels.Telegram.Client;
using Telegram.Bot;

namespace RecipeBot.Channels.Telegram.Tests.Client;

public sealed class UnreadResultTests
{
    private sealed record Answer(bool Ok, UnreadResult Result, int After);

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("1700000000000")]
    [InlineData("\"text\"")]
    [InlineData("""{"message_id":1,"date":1700000000000,"chat":{"id":5,"type":"private"},"entities":[{"offset":0}]}""")]
    [InlineData("[1,[2,[3,{}]],{\"a\":null}]")]
    public async Task AnyResult_IsSkippedWhole_AndWhatFollowsItIsStillRead(string result)
    {
        // As Telegram.Bot reads an answer: from a stream, with its own options, in small buffers.
        var json = $$"""{"ok":true,"result":{{result}},"after":7}""";
        var options = new JsonSerializerOptions(JsonBotAPI.Options) { DefaultBufferSize = 16 };
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var answer = await JsonSerializer.DeserializeAsync<Answer>(stream, options);

        Assert.NotNull(answer);
        Assert.Equal((true, 7), (answer.Ok, answer.After));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("""{"message_id":1,"date":1700000000000,"chat":{"id":5,"type":"private"}}""")]
    public async Task ThroughTelegramBot_AnAcceptedRequest_CompletesWhateverItsResult(string result)
    {
        using var http = new HttpClient(new Answering($$"""{"ok":true,"result":{{result}}}"""));
        var bot = new TelegramBotClient(new TelegramBotClientOptions("1:test", "http://bot.invalid/") { RetryThreshold = 0 }, http);

        await bot.SendAsync(new global::Telegram.Bot.Requests.AnswerCallbackQueryRequest { CallbackQueryId = "q" }, CancellationToken.None);
    }

    [Fact]
    public async Task ThroughTelegramBot_ARefusal_StillComesWithItsCodeAndRetryAfter()
    {
        using var http = new HttpClient(new Answering("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""", 429));
        var bot = new TelegramBotClient(new TelegramBotClientOptions("1:test", "http://bot.invalid/") { RetryThreshold = 0 }, http);

        var refused = await Assert.ThrowsAsync<global::Telegram.Bot.Exceptions.ApiRequestException>(
            () => bot.SendAsync(new global::Telegram.Bot.Requests.SendMessageRequest { ChatId = 5, Text = "hi" }, CancellationToken.None));

        Assert.Equal((429, 7), (refused.ErrorCode, refused.Parameters?.RetryAfter));
    }

    /// <summary>Answers every request with the same body, in the process.</summary>
    private sealed class Answering(string body, int status = 200) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
    }
}
