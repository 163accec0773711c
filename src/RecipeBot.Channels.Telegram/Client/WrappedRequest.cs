using System.Net.Http.Json;
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
        ? JsonContent.Create(Request, Request.GetType(), options: RequestBodies.Options)
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
