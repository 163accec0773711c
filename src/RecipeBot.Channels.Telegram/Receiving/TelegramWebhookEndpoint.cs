using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Core.Channels;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// The webhook: check the secret token before anything else, store the update in the
/// durable inbox, answer 200 at once; the inbox processor does the work after.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<TelegramOptions>();
        endpoints.MapPost(options.WebhookPath, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        TelegramOptions options,
        IInboxStore inbox,
        TelegramInboxProcessor processor,
        CancellationToken cancellationToken)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString(), options.WebhookSecret!))
        {
            return Results.Unauthorized();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // A chunked body has no Content-Length: the limit is also kept while reading.
        if (await ReadBodyAsync(context.Request.Body, cancellationToken).ConfigureAwait(false) is not { } payload)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Update? update;
        try
        {
            update = TelegramUpdateJson.Parse(payload);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "The body is not a Telegram update (malformed JSON)." });
        }

        if (update is null || update.Id <= 0)
        {
            return Results.BadRequest(new { error = "The body is not a Telegram update (no update_id)." });
        }

        // Stored before answering: once Telegram has its 200 it never sends the update again.
        await inbox.AddAsync(
            TelegramInboxProcessor.Channel,
            [new InboxItem(update.Id, TelegramInboxProcessor.PartitionOf(update), payload)],
            cancellationToken).ConfigureAwait(false);
        processor.Signal([update]);
        return Results.Ok();
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Constant time: hashing both sides first hides even the length of the secret.</summary>
    public static bool SecretMatches(string presented, string expected)
    {
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b) && presented.Length > 0;
    }
}
