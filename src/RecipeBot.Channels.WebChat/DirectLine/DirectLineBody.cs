using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RecipeBot.Channels.WebChat.Schema;

namespace RecipeBot.Channels.WebChat.DirectLine;

/// <summary>
/// Reads a JSON body under a size limit, also when it comes chunked. Whatever is not the expected JSON — malformed,
/// a field of the wrong type, too deep, a broken escape — is the client's fault: 400 (413 over the limit), never 500.
/// </summary>
internal static class DirectLineBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context, long maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (optional && context.Request.ContentLength is 0 or null && !context.Request.Headers.TransferEncoding.Any())
        {
            return (null, null);
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, DirectLineJson.Options, cancellationToken).ConfigureAwait(false);
            return value is null && !optional ? (null, DirectLineError.BadArgument("The body is empty (null).")) : (value, null);
        }
        catch (JsonException)
        {
            return (null, DirectLineError.BadArgument("The body is not valid JSON of the expected shape."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Results.StatusCode(e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest));
        }
    }
}
