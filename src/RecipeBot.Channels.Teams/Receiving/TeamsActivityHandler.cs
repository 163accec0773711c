using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Channels.Teams.Schema;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Turns;

namespace RecipeBot.Channels.Teams.Receiving;

/// <summary>
/// Handles one authenticated activity: stores its conversation reference, dispatches by type to a
/// small handler and runs the turn, which writes the reply to the outbox (the Teams outbox sender posts it
/// to the connector). The activity id is the delivery id, so a redelivered activity has effect once.
/// </summary>
public sealed class TeamsActivityHandler(
    TurnRunner turns,
    IConversationReferenceStore references,
    ILogger<TeamsActivityHandler> logger)
{
    public static string ConversationId(string teamsConversationId) => ConversationKey.Teams(teamsConversationId).ToString();

    public Task<IResult> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.Message => OnMessageAsync(activity, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(activity, cancellationToken),
            ActivityTypes.Invoke => OnInvokeAsync(activity, cancellationToken),
            _ => Task.FromResult(Skip(activity)),
        };
    }

    private async Task<IResult> OnMessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var reference = await RememberAsync(activity, cancellationToken).ConfigureAwait(false);
        if (activity.From?.Id is { } from && from == activity.Recipient?.Id)
        {
            return Results.Ok();
        }

        if (TeamsMessageText.ForBot(activity) is { } text)
        {
            await TurnAsync(activity, reference, text, cancellationToken).ConfigureAwait(false);
        }

        return Results.Ok();
    }

    private async Task<IResult> OnConversationUpdateAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var reference = await RememberAsync(activity, cancellationToken).ConfigureAwait(false);
        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.MembersAdded?.Any(member => member?.Id == botId) == true)
        {
            // The bot was added to a personal chat, a group chat or a team: it introduces itself.
            logger.LogInformation("The bot was added to conversation {ConversationId} ({ConversationType})", reference.Id, reference.ConversationType ?? "personal");
            await TurnAsync(activity, reference, "/start", cancellationToken).ConfigureAwait(false);
        }

        return Results.Ok();
    }

    private async Task<IResult> OnInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.Name != ActivityTypes.AdaptiveCardAction)
        {
            logger.LogInformation("Invoke {InvokeName} is not supported; answered 501", activity.Name);
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        var reference = await RememberAsync(activity, cancellationToken).ConfigureAwait(false);
        var data = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var action)
            && action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var d) ? d : (JsonElement?)null;
        if (TeamsMessageText.ChoiceOf(data) is not { } choice)
        {
            return Results.Json(new InvokeResponse(StatusCodes.Status400BadRequest, InvokeResponse.MessageType, "No choice in the card action."), TeamsJson.Options, statusCode: StatusCodes.Status200OK);
        }

        await TurnAsync(activity, reference, choice, cancellationToken).ConfigureAwait(false);
        // The reply itself goes through the connector like every other; the invoke only needs an answer.
        return Results.Json(new InvokeResponse(StatusCodes.Status200OK, InvokeResponse.MessageType, string.Empty), TeamsJson.Options);
    }

    /// <summary>The turn writes its reply to the outbox; the Teams outbox sender posts it to the connector.</summary>
    private Task TurnAsync(TeamsActivity activity, ConversationReference reference, string text, CancellationToken cancellationToken) =>
        turns.RunAsync(Incoming(activity, reference, text), cancellationToken);

    /// <summary>What the engine hears: group chats and team channels are marked so that only some may change their meetings.</summary>
    internal static IncomingMessage Incoming(TeamsActivity activity, ConversationReference reference, string text) => new(
        reference.Id,
        text,
        activity.From?.Id,
        activity.Locale,
        activity.Id,
        IsGroup: activity.Conversation?.ConversationType is "groupChat" or "channel");

    /// <summary>Stores where this conversation can be reached, for replies and for reminders after a restart.</summary>
    private async Task<ConversationReference> RememberAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var reference = new ConversationReference(
            ConversationId(activity.Conversation!.Id!),
            activity.ChannelId ?? "msteams",
            activity.ServiceUrl!,
            activity.Conversation.Id!,
            activity.Recipient?.Id,
            activity.Recipient?.Name,
            activity.From?.Id,
            activity.From?.Name,
            activity.Conversation.TenantId ?? TenantOf(activity.ChannelData),
            activity.Conversation.ConversationType);
        await references.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        return reference;
    }

    private static string? TenantOf(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
        && tenant.ValueKind == JsonValueKind.Object && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private IResult Skip(TeamsActivity activity)
    {
        logger.LogDebug("Activity {ActivityId} of type {ActivityType} is not handled; ignored", activity.Id, activity.Type);
        return Results.Ok();
    }
}
