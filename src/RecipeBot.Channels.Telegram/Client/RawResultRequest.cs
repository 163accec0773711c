using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Telegram.Bot;
using Telegram.Bot.Requests;
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
/// A request without files is written as UTF-8 JSON that keeps letters as they are: Telegram.Bot's own options
/// escape every non-ASCII character, which makes a Russian reply two and a half times as long on the wire.
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

    private static readonly JsonSerializerOptions Options = new(JsonBotAPI.Options)
    {
        // Still escapes what HTML and JSON need (<, >, &, quotes); only letters of other scripts stay unescaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> PlainJson = new();

    public HttpContent? ToHttpContent() => PlainJson.GetOrAdd(Request.GetType(), IsPlainJson)
        ? JsonContent.Create(Request, Request.GetType(), options: Options)
        : Request.ToHttpContent();

    /// <summary>Requests Telegram.Bot writes as JSON; those that may carry files (multipart) or no body are left to it.</summary>
    private static bool IsPlainJson(Type type)
    {
        var plain = false;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() is var definition)
            {
                if (definition == typeof(FileRequestBase<>) || definition == typeof(ParameterlessRequest<>))
                {
                    return false;
                }

                plain |= definition == typeof(RequestBase<>);
            }
        }

        return plain;
    }
}
