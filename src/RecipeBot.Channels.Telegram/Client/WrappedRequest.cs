using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;

namespace RecipeBot.Channels.Telegram.Client;

/// <summary>Sends Telegram.Bot's <see cref="Request"/> as it is; its result is read as <typeparamref name="TResult"/>.</summary>
public abstract class WrappedRequest<TResult>(IRequest request) : IRequest<TResult>
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

    public HttpContent? ToHttpContent() => RequestBodies.Plain.GetOrAdd(Request.GetType(), RequestBodies.IsPlainJson)
        ? RequestBodies.Json(Request)
        : Request.ToHttpContent();
}

/// <summary>How the wrapped requests write their bodies; one set of options (and its type metadata) for all of them.</summary>
internal static class RequestBodies
{
    public static readonly JsonSerializerOptions Options = new(JsonBotAPI.Options)
    {
        // Still escapes what HTML and JSON need (<, >, &, quotes); only letters of other scripts stay unescaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Plain = new();

    /// <summary>
    /// The request as JSON, written at once: the body goes with its length, not in chunks as a body written while it is
    /// sent (JsonContent) would, and the writing takes the serializer's quick synchronous path.
    /// </summary>
    public static HttpContent Json(IRequest request)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Requests Telegram.Bot writes as JSON; those that may carry files (multipart) or no body are left to it.</summary>
    public static bool IsPlainJson(Type type)
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
