using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Teams.Authentication;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Channels.Teams.Sending;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.Teams.Receiving;

/// <summary>
/// <c>POST /api/messages</c>: the token is checked before the body is read; a body that is not an
/// activity is 400; the activity is checked against the token (serviceUrl, channel endorsement);
/// only then is anything stored or done. It never answers 500: what it cannot read is 400, what it
/// ignores is 200, and it is the channel's one error boundary: a turn that fails is logged and
/// answered 200 (having saved nothing), since Teams would only redeliver it to fail the same way.
/// </summary>
public static partial class TeamsMessagesEndpoint
{
    private const long MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Read from configuration, not from the validated options: a bad setting must fail at start, with every problem listed.
        var configured = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(TeamsOptions.SectionName).Get<TeamsOptions>();
        endpoints.MapPost(configured?.MessagesPath ?? new TeamsOptions().MessagesPath, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        BotFrameworkAuthenticator authenticator,
        TeamsActivityHandler handler,
        TurnRunner turns,
        TeamsServiceUrls serviceUrls,
        ILogger<TeamsActivityHandler> logger,
        CancellationToken cancellationToken)
    {
        var authorization = context.Request.Headers.Authorization;
        var authentication = await authenticator.AuthenticateAsync(authorization.Count == 1 ? authorization[0] : null, cancellationToken).ConfigureAwait(false);
        if (!authentication.Succeeded)
        {
            return Reject(authentication, logger);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        TeamsActivity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<TeamsActivity>(context.Request.Body, TeamsJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "The body is not a Bot Framework activity (malformed JSON)." });
        }
        catch (BadHttpRequestException e)
        {
            // 413 past the body limit; a broken chunked encoding or a body that stopped short is the client's fault too.
            return Results.StatusCode(e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest);
        }

        if (activity?.Conversation?.Id is not { Length: > 0 })
        {
            return Results.BadRequest(new { error = "The activity has no conversation.id." });
        }

        if (TeamsServiceUrls.Normalize(activity.ServiceUrl) is null)
        {
            return Results.BadRequest(new { error = "The activity has no absolute serviceUrl." });
        }

        var verdict = BotFrameworkAuthenticator.Authorize(authentication.Identity!, activity);
        if (!verdict.Succeeded)
        {
            return Reject(verdict, logger);
        }

        serviceUrls.Learn(activity.ServiceUrl!);
        try
        {
            return await handler.HandleAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, e, activity.Id, activity.Type, activity.Conversation.Id);
            if (activity.Type == ActivityTypes.Message)
            {
                // Not silently: the user hears that the message was not handled (when the store lets even that through).
                await turns.ApologiseAsync(TeamsActivityHandler.ConversationId(activity.Conversation.Id), activity.Locale, cancellationToken).ConfigureAwait(false);
            }

            return Results.Ok();
        }
    }

    private static IResult Reject(AuthenticationResult result, ILogger logger)
    {
        logger.LogWarning("Rejected a request to the Teams endpoint with {StatusCode}: {Reason}", result.StatusCode, result.Failure);
        return Results.StatusCode(result.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {ActivityId} ({ActivityType}) of conversation {ConversationId} failed; answered 200, nothing was saved")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityId, string? activityType, string conversationId);
}
