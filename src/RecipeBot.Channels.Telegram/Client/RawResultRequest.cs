using System.Text.Json;
using Telegram.Bot.Requests.Abstractions;

namespace RecipeBot.Channels.Telegram.Client;

/// <summary>
/// One of Telegram.Bot's requests, sent as it is, with its result left as raw JSON instead of read into a type.
/// </summary>
/// <remarks>
/// For calls whose answer the bot does not read (the sent message, <c>true</c>) an answer in an unexpected shape
/// is then no error: telegram-test-api answers answerCallbackQuery with <c>null</c> and dates its messages in
/// milliseconds, which Telegram.Bot's types cannot hold. For getUpdates it keeps each update as Telegram wrote
/// it, which is what the inbox stores.
/// </remarks>
public sealed class RawResultRequest(IRequest request) : IRequest<JsonElement>
{
    /// <summary>The request as built with Telegram.Bot's types.</summary>
    public IRequest Request { get; } = request;

    public HttpMethod HttpMethod => Request.HttpMethod;

    public string MethodName => Request.MethodName;

    public bool IsWebhookResponse
    {
        get => Request.IsWebhookResponse;
        set => Request.IsWebhookResponse = value;
    }

    public HttpContent? ToHttpContent() => Request.ToHttpContent();
}
