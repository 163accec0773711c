using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>A visitor's conversation over Direct Line: greeting, echo, answers with buttons, presses, paging, a restart.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recipebot-webchat-").FullName;

    private string Database => Path.Combine(_directory, "bot.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ANewVisitor_StartingTheConversationTwice_IsGreetedOnceInThePagesLanguage()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var visitor = new DirectLineVisitor(host);
        var token = await visitor.GetTokenAsync("ru");

        // Act
        var started = await visitor.StartAsync();
        await visitor.StartAsync();
        var greeting = await visitor.BotMessageAsync(1);
        await visitor.SayAsync("/help");
        await visitor.BotMessageAsync(2);
        var (activities, _) = await visitor.AllAsync();

        // Assert
        Assert.Equal(token.GetProperty("conversationId").GetString(), started.GetProperty("conversationId").GetString());
        Assert.StartsWith("ws://127.0.0.1:", started.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Здравствуйте!", greeting.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["et", "en", "ru"], DirectLineVisitor.Choices(greeting));
        Assert.Equal(2, DirectLineVisitor.BotMessages(activities).Count);
    }

    [Fact]
    public async Task AMessage_ComesBackWithItsId_BeforeTheAnswerWithItsButtons()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var visitor = await new DirectLineVisitor(host).ArriveAsync("en");
        await visitor.BotMessageAsync(1);

        // Act
        var id = await visitor.SayAsync("we can't find any NGOs");
        var answer = await visitor.BotMessageAsync(2);
        var (activities, watermark) = await visitor.AllAsync();

        // Assert
        var echo = activities.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("we can't find any NGOs", echo.GetProperty("text").GetString());
        Assert.True(activities.IndexOf(echo) < activities.FindIndex(a => a.GetProperty("id").GetString() == answer.GetProperty("id").GetString()));
        Assert.Equal(id, answer.GetProperty("replyToId").GetString());
        Assert.Contains("What helps with", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("other-situation", DirectLineVisitor.Choices(answer));
        Assert.All(answer.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray(), a => Assert.Equal("messageBack", a.GetProperty("type").GetString()));
        Assert.Equal(activities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);
    }

    [Fact]
    public async Task APressedButton_IsReadByItsChoice_NotByTheTextBesideIt()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database);
        using var visitor = await new DirectLineVisitor(host).ArriveAsync("et");
        await visitor.BotMessageAsync(1);

        // Act
        await visitor.SayAsync("Eesti keel", choice: "en");
        var role = await visitor.BotMessageAsync(2);
        await visitor.SayAsync("whatever the label said", choice: "official");
        var phase = await visitor.BotMessageAsync(3);

        // Assert
        Assert.StartsWith("Who are you?", role.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("contact", DirectLineVisitor.Choices(phase));
        Assert.Equal("en", phase.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task Activities_ArePagedByWatermark_EachOnceAndInOrder()
    {
        // Arrange
        await using var host = await WebChatBotHost.StartAsync(Database, null, "--WebChat:PageSize=2");
        using var visitor = await new DirectLineVisitor(host).ArriveAsync("en");
        await visitor.BotMessageAsync(1);
        foreach (var text in new[] { "/help", "/start", "/help" })
        {
            await visitor.SayAsync(text);
        }

        await visitor.BotMessageAsync(4);

        // Act
        var watermarks = new List<long>();
        var ids = new List<string>();
        string? watermark = null;
        while (true)
        {
            using var response = await visitor.GetActivitiesAsync(watermark);
            var set = await response.Content.ReadFromJsonAsync<JsonElement>();
            var page = set.GetProperty("activities").EnumerateArray().ToList();
            watermark = set.GetProperty("watermark").GetString();
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 2);
            watermarks.Add(long.Parse(watermark!, System.Globalization.CultureInfo.InvariantCulture));
            ids.AddRange(page.Select(a => a.GetProperty("id").GetString()!));
        }

        using var wrong = await visitor.GetActivitiesAsync("not-a-watermark");

        // Assert
        Assert.Equal(7, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(watermarks.Order(), watermarks);
        Assert.Equal("7", watermark);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task Replies_AreKeptUntilFetched_AlsoAcrossARestart()
    {
        // Arrange
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        string token;
        string conversation;
        await using (var first = await WebChatBotHost.StartAsync(Database, time))
        {
            using var visitor = await new DirectLineVisitor(first).ArriveAsync("en");
            await visitor.BotMessageAsync(1);
            await visitor.SayAsync("/help");
            await visitor.BotMessageAsync(2);
            (token, conversation) = (visitor.Token, visitor.ConversationId);
        }

        // Act
        await using var second = await WebChatBotHost.StartAsync(Database, time);
        using var back = new DirectLineVisitor(second) { Token = token };
        using var reconnect = await back.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation}?watermark=1");
        var activities = await back.RevisitAsync(conversation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Contains("watermark=1", (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, activities.Count);
        Assert.Equal("/help", activities[1].GetProperty("text").GetString());
    }
}
