using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RecipeBot.Channels.Teams.Tests.Channel;

/// <summary>Posts activities to the bot as the Bot Connector does: JSON with a bearer token.</summary>
public sealed class TeamsPoster(Uri messagesUrl) : IDisposable
{
    private readonly HttpClient _http = new();

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token) => PostRawAsync(activity.ToJsonString(), token);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, messagesUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
