using System.Net;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>Other tests lean on the fake behaving like Telegram; these pin the behaviour they lean on.</summary>
public sealed class FakeBotApiServerTests
{
    [Fact]
    public async Task GetUpdates_DropsUpdatesConfirmedByTheOffset_AndKeepsTheRest()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = server.CreateClient(httpClient);
        var first = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "one"));
        var second = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "two"));
        var third = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "three"));

        var unconfirmed = await client.GetUpdates(timeout: 0);
        var afterConfirmingFirst = await client.GetUpdates((int)second, timeout: 0);
        var withoutOffset = await client.GetUpdates(timeout: 0);

        Assert.Equal([first, second, third], unconfirmed.Select(update => (long)update.Id));
        Assert.Equal([second, third], afterConfirmingFirst.Select(update => (long)update.Id));
        Assert.Equal([second, third], withoutOffset.Select(update => (long)update.Id));
        Assert.Equal(2, server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_WithNegativeOffset_ReturnsTheLastUpdatesAndForgetsEarlierOnes()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = server.CreateClient(httpClient);
        server.EnqueueUpdate(FakeUpdates.TextMessage(1, "one"));
        var last = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "two"));

        var updates = await client.GetUpdates(-1, timeout: 0);

        Assert.Equal(last, Assert.Single(updates).Id);
        Assert.Equal(1, server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_WaitingInALongPoll_AnswersAsSoonAsAnUpdateArrives()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = server.CreateClient(httpClient);
        var poll = client.GetUpdates(timeout: 30);
        await server.WaitForAsync("getUpdates");

        var id = server.EnqueueUpdate(FakeUpdates.TextMessage(1, "late"));
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(1.5));

        Assert.Equal(id, Assert.Single(updates).Id);
    }

    [Fact]
    public async Task GetUpdates_WhileAWebhookIsSet_AnswersConflict()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = server.CreateClient(httpClient);
        await client.SetWebhook("https://bot.example.org/hook", secretToken: "secret");

        var exception = await Assert.ThrowsAsync<ApiRequestException>(() => client.GetUpdates(timeout: 0));

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
        var client = server.CreateClient(httpClient);

        var first = await client.SendMessage(1, "a");
        var second = await client.SendDocument(1, InputFile.FromStream(new MemoryStream("b"u8.ToArray()), "b.txt"));

        Assert.True(second.Id > first.Id);
    }

    [Fact]
    public async Task Respond_OverridesAMethod_AndFallsBackToTheDefaultWhenTheHandlerReturnsNull()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = server.CreateClient(httpClient);
        server.Respond("sendMessage", request => request.Parameter("text") == "fail" ? FakeResponse.Error(403, "Forbidden: bot was kicked") : null);

        var failed = await Assert.ThrowsAsync<ApiRequestException>(() => client.SendMessage(1, "fail"));
        var sent = await client.SendMessage(1, "pass");

        Assert.Equal(403, failed.ErrorCode);
        Assert.Equal("pass", sent.Text);
    }

    [Fact]
    public async Task WaitFor_WhenNothingMatches_TimesOutSayingWhatArrived()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        using var httpClient = new HttpClient();
        var client = server.CreateClient(httpClient);
        await client.SendMessage(1, "Hello");

        var exception = await Assert.ThrowsAsync<TimeoutException>(
            () => server.WaitForAsync("sendMessage", request => request.Parameter("text") == "Bye", TimeSpan.FromMilliseconds(100)));

        Assert.StartsWith(
            "No sendMessage request matching the predicate reached the fake Bot API within 0.1 s. It received: sendMessage ×1. Latest sendMessage bodies: {",
            exception.Message,
            StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Hello\"", exception.Message, StringComparison.Ordinal);
    }
}
