using System.Net;
using System.Text.Json;
using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>Other tests lean on the fake behaving like Telegram; these pin the behaviour they lean on.</summary>
public sealed class FakeBotApiServerTests
{
    [Fact]
    public async Task GetUpdates_DropsUpdatesConfirmedByTheOffset_AndKeepsTheRest()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);
        var first = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "one"));
        var second = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "two"));
        var third = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "three"));

        var unconfirmed = await client.GetUpdatesAsync(null, 0, [], CancellationToken.None);
        var afterConfirmingFirst = await client.GetUpdatesAsync(second, 0, [], CancellationToken.None);
        var withoutOffset = await client.GetUpdatesAsync(null, 0, [], CancellationToken.None);

        Assert.Equal([first, second, third], unconfirmed.Select(update => update.UpdateId));
        Assert.Equal([second, third], afterConfirmingFirst.Select(update => update.UpdateId));
        Assert.Equal([second, third], withoutOffset.Select(update => update.UpdateId));
        Assert.Equal(2, server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_WithNegativeOffset_ReturnsTheLastUpdatesAndForgetsEarlierOnes()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);
        server.EnqueueUpdate(FakeUpdates.TextMessage(1, "one"));
        var last = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "two"));

        var updates = await client.GetUpdatesAsync(-1, 0, [], CancellationToken.None);

        Assert.Equal(last, Assert.Single(updates).UpdateId);
        Assert.Equal(1, server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_WaitingInALongPoll_AnswersAsSoonAsAnUpdateArrives()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);
        var poll = client.GetUpdatesAsync(null, timeoutSeconds: 30, [], CancellationToken.None);
        await server.WaitForAsync("getUpdates");

        var id = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "late"));
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(1.5));

        Assert.Equal(id, Assert.Single(updates).UpdateId);
    }

    [Fact]
    public async Task GetUpdates_WhileAWebhookIsSet_AnswersConflict()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);
        await client.SetWebhookAsync("https://bot.example.org/hook", "secret", [], CancellationToken.None);

        var exception = await Assert.ThrowsAsync<TelegramApiException>(() => client.GetUpdatesAsync(null, 0, [], CancellationToken.None));

        Assert.Equal(409, exception.ErrorCode);
    }

    [Fact]
    public async Task WrongToken_GetsUnauthorized_AndIsNotRecorded()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();

        using var response = await httpClient.PostAsync(new Uri($"{server.BaseUrl}bot1:wrong/getMe"), content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task UnknownMethod_GetsNotFound()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();

        using var response = await httpClient.PostAsync(new Uri($"{server.BaseUrl}bot{server.Token}/sendCarrierPigeon"), content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Parameters_AreReadFromAFormAndFromTheQueryString()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = "-1001234567890", ["text"] = "from a form" });

        using var formResponse = await httpClient.PostAsync(new Uri($"{server.BaseUrl}bot{server.Token}/sendMessage"), form);
        using var queryResponse = await httpClient.GetAsync(new Uri($"{server.BaseUrl}bot{server.Token}/sendMessage?chat_id=5&text=from+a+query"));

        using var formResult = JsonDocument.Parse(await formResponse.Content.ReadAsStringAsync());
        using var queryResult = JsonDocument.Parse(await queryResponse.Content.ReadAsStringAsync());
        Assert.Equal(-1001234567890, formResult.RootElement.GetProperty("result").GetProperty("chat").GetProperty("id").GetInt64());
        Assert.Equal("from a form", formResult.RootElement.GetProperty("result").GetProperty("text").GetString());
        Assert.Equal("from a query", queryResult.RootElement.GetProperty("result").GetProperty("text").GetString());
        Assert.Equal(["from a form", "from a query"], server.RequestsFor("sendmessage").Select(request => request.Parameter("text")));
    }

    [Fact]
    public async Task SentMessages_GetIncreasingMessageIds()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);

        var first = await client.SendMessageAsync(1, "a", null, CancellationToken.None);
        var second = await client.SendDocumentAsync(1, "b.txt", "b"u8.ToArray(), null, CancellationToken.None);

        Assert.True(second.MessageId > first.MessageId);
    }

    [Fact]
    public async Task Respond_OverridesAMethod_AndFallsBackToTheDefaultWhenTheHandlerReturnsNull()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);
        server.Respond("sendMessage", request => request.Parameter("text") == "fail" ? FakeResponse.Error(403, "Forbidden: bot was kicked") : null);

        var failed = await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(1, "fail", null, CancellationToken.None));
        var sent = await client.SendMessageAsync(1, "pass", null, CancellationToken.None);

        Assert.Equal(403, failed.ErrorCode);
        Assert.Equal("pass", sent.Text);
    }

    [Fact]
    public async Task WaitFor_WhenNothingMatches_TimesOutSayingWhatArrived()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = new TelegramBotClient(httpClient, server.Token, server.BaseUrl);
        await client.SendMessageAsync(1, "Hello", null, CancellationToken.None);

        var exception = await Assert.ThrowsAsync<TimeoutException>(
            () => server.WaitForAsync("sendMessage", request => request.Parameter("text") == "Bye", TimeSpan.FromMilliseconds(100)));

        Assert.StartsWith(
            "No sendMessage request matching the predicate reached the fake Bot API within 0.1 s. It received: sendMessage ×1. Latest sendMessage bodies: {\"chat_id\":1,\"text\":\"Hello\"",
            exception.Message,
            StringComparison.Ordinal);
    }
}
