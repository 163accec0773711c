using System.Globalization;
using Microsoft.AspNetCore.Http;
using RecipeBot.Channels.WebChat.Protection;
using RecipeBot.Channels.WebChat.Receiving;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Channels.WebChat.Tokens;

namespace RecipeBot.Channels.WebChat.DirectLine;

/// <summary>
/// Tokens and conversations: <c>POST /webchat/token</c> (a new anonymous visitor), Direct Line's
/// <c>POST /conversations</c> (start: the bot greets once), <c>GET /conversations/{id}</c> (reconnect: a fresh stream
/// address) and <c>POST /tokens/refresh</c>.
/// </summary>
internal static class DirectLineConversationEndpoints
{
    public const string BasePath = "/v3/directline";
    private const long MaxTokenRequestBytes = 4 * 1024;

    /// <summary>The optional body of a token request.</summary>
    public sealed record TokenRequest(string? Locale);

    public static async Task<IResult> IssueTokenAsync(
        HttpContext context, WebChatGuard guard, WebChatTokens tokens, WebChatOptions options, CancellationToken cancellationToken)
    {
        if (guard.CheckVisitor(context, options.TokensPerMinutePerAddress) is { } refused)
        {
            return refused;
        }

        var (body, error) = await DirectLineBody.ReadAsync<TokenRequest>(context, MaxTokenRequestBytes, optional: true, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var token = tokens.Issue(body?.Locale ?? context.Request.Query["lang"].ToString());
        return Results.Json(Response(context, tokens, token, stream: false), DirectLineJson.Options);
    }

    public static async Task<IResult> StartAsync(
        HttpContext context, WebChatGuard guard, WebChatTokens tokens, WebChatInbox inbox, WebChatInboxProcessor processor, CancellationToken cancellationToken)
    {
        if (guard.Check(context, conversationId: null, out var token) is { } refused)
        {
            return refused;
        }

        // Durable before the answer: the greeting comes even if the bot stops right now.
        var sequence = await inbox.AddAsync(
            new WebChatDelivery(WebChatDelivery.StartKind, token!.ConversationId, token.UserId, token.Language), cancellationToken).ConfigureAwait(false);
        processor.Signal(sequence);
        return Results.Json(Response(context, tokens, token, stream: true), DirectLineJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static IResult Reconnect(string conversationId, HttpContext context, WebChatGuard guard, WebChatTokens tokens)
    {
        if (guard.Check(context, conversationId, out var token) is { } refused)
        {
            return refused;
        }

        return Results.Json(Response(context, tokens, token!, stream: true), DirectLineJson.Options);
    }

    public static IResult Refresh(HttpContext context, WebChatGuard guard, WebChatTokens tokens)
    {
        if (guard.Check(context, conversationId: null, out var token) is { } refused)
        {
            return refused;
        }

        return Results.Json(Response(context, tokens, tokens.Refresh(token!), stream: false), DirectLineJson.Options);
    }

    private static DirectLineConversationResponse Response(HttpContext context, WebChatTokens tokens, WebChatToken token, bool stream)
    {
        var written = tokens.Write(token);
        return new DirectLineConversationResponse(token.ConversationId, written, tokens.SecondsLeft(token), stream ? StreamUrl(context, token, written) : null);
    }

    /// <summary>Where the client opens its WebSocket; it carries the token, since browsers cannot set headers there.</summary>
    private static string StreamUrl(HttpContext context, WebChatToken token, string written)
    {
        var request = context.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var watermark = request.Query["watermark"].ToString();
        var query = string.IsNullOrEmpty(watermark) || !long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? string.Empty
            : "watermark=" + watermark + "&";
        return $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(token.ConversationId)}/stream?{query}t={Uri.EscapeDataString(written)}";
    }
}
