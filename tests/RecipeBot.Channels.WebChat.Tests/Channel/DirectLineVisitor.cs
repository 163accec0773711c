using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.WebChat.Sending;

namespace RecipeBot.Channels.WebChat.Tests.Channel;

/// <summary>
/// A visitor speaking Direct Line 3.0 over real HTTP to <see cref="WebChatBotHost"/>. Waiting for the bot takes the
/// transcript's signal before each read, so it waits for the condition, never for a fixed time.
/// </summary>
public sealed class DirectLineVisitor(WebChatBotHost host) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public HttpClient Http { get; } = new() { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };

    public string Token { get; set; } = string.Empty;

    public string ConversationId { get; private set; } = string.Empty;

    public async Task<JsonElement> GetTokenAsync(string? locale = "en")
    {
        using var response = await Http.PostAsJsonAsync("/webchat/token", new { locale });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Token = body.GetProperty("token").GetString()!;
        ConversationId = body.GetProperty("conversationId").GetString()!;
        return body;
    }

    public async Task<JsonElement> StartAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A new visitor with a started conversation.</summary>
    public async Task<DirectLineVisitor> ArriveAsync(string locale = "en")
    {
        await GetTokenAsync(locale);
        await StartAsync();
        return this;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string json) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Posts a message as Web Chat does; returns the activity id the service gave it.</summary>
    public async Task<string> SayAsync(string text, string? choice = null)
    {
        var activity = choice is null
            ? (object)new { type = "message", text, from = new { id = "visitor" } }
            : new { type = "message", text, value = new { choice }, from = new { id = "visitor" } };
        using var response = await PostJsonAsync(JsonSerializer.Serialize(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> GetActivitiesAsync(string? watermark = null) =>
        SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + Uri.EscapeDataString(watermark)));

    /// <summary>Every activity of the conversation, paging through by watermark; and the last watermark.</summary>
    public async Task<(List<JsonElement> Activities, string Watermark)> AllAsync()
    {
        var all = new List<JsonElement>();
        string? watermark = null;
        while (true)
        {
            using var response = await GetActivitiesAsync(watermark);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var set = await response.Content.ReadFromJsonAsync<JsonElement>();
            var page = set.GetProperty("activities").EnumerateArray().ToList();
            watermark = set.GetProperty("watermark").GetString()!;
            if (page.Count == 0)
            {
                return (all, watermark);
            }

            all.AddRange(page);
        }
    }

    /// <summary>Waits until the conversation's activities satisfy <paramref name="done"/>; returns them.</summary>
    public async Task<List<JsonElement>> WaitForAsync(Func<List<JsonElement>, bool> done)
    {
        var signal = host.Services.GetRequiredService<WebChatActivitySignal>();
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = signal.Watch("webchat:" + ConversationId);
            var (activities, _) = await AllAsync();
            if (done(activities))
            {
                return activities;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The conversation did not get there within {Patience.TotalSeconds} s; it has: {string.Join("\n", activities)}");
            }
        }
    }

    /// <summary>A visitor who comes back with a token they kept: all activities of <paramref name="conversationId"/>.</summary>
    public async Task<List<JsonElement>> RevisitAsync(string conversationId)
    {
        ConversationId = conversationId;
        return (await AllAsync()).Activities;
    }

    /// <summary>Waits for the bot's <paramref name="count"/>-th message.</summary>
    public async Task<JsonElement> BotMessageAsync(int count)
    {
        var activities = await WaitForAsync(a => BotMessages(a).Count >= count);
        return BotMessages(activities)[count - 1];
    }

    public static List<JsonElement> BotMessages(IEnumerable<JsonElement> activities) =>
        [.. activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot")];

    public static IReadOnlyList<string> Choices(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetProperty("choice").GetString()!)]
            : [];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (Token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
