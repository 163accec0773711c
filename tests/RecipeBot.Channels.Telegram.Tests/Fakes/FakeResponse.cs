using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;

namespace RecipeBot.Channels.Telegram.Tests.Fakes;

/// <summary>What <see cref="FakeBotApiServer"/> answers to one request; see <see cref="FakeBotApiServer.Respond"/>.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">Sent as is; may be empty.</param>
/// <param name="ContentType">The Content-Type header.</param>
public sealed record FakeResponse(int Status, string Body, string ContentType = "application/json")
{
    /// <summary>How long to hold the request before answering (ends early when the client aborts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary><c>{"ok":true,"result":…}</c>; <paramref name="result"/> is serialized with Telegram.Bot's <see cref="JsonBotAPI.Options"/>.</summary>
    public static FakeResponse Ok(object result) =>
        OkJson(JsonSerializer.Serialize(result, result.GetType(), JsonBotAPI.Options));

    /// <summary><c>{"ok":true,"result":…}</c> with <paramref name="resultJson"/> inserted verbatim.</summary>
    public static FakeResponse OkJson(string resultJson) => new(200, $$"""{"ok":true,"result":{{resultJson}}}""");

    /// <summary>A Bot API error, with the HTTP status equal to <paramref name="code"/> as Telegram does.</summary>
    public static FakeResponse Error(int code, string description, int? retryAfter = null, long? migrateToChatId = null)
    {
        var body = new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = code,
            ["description"] = description,
        };
        if (retryAfter is not null || migrateToChatId is not null)
        {
            var parameters = new JsonObject();
            if (retryAfter is { } seconds)
            {
                parameters["retry_after"] = seconds;
            }

            if (migrateToChatId is { } chatId)
            {
                parameters["migrate_to_chat_id"] = chatId;
            }

            body["parameters"] = parameters;
        }

        return new(code, body.ToJsonString());
    }

    /// <summary>Anything at all, e.g. a proxy's HTML error page or a truncated body.</summary>
    public static FakeResponse Raw(int status, string body, string contentType) => new(status, body, contentType);
}
