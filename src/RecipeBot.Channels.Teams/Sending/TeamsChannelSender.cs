using System.Net;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>
/// Proactive messages (reminders, prompts) to <c>teams:{conversation id}</c> from the stored conversation reference.
/// The connector client retries throttling and gateway errors itself; what it still refuses is reported here. Once the
/// farewell of an erased conversation is sent, its reference is deleted too: it was kept only to deliver that.
/// </summary>
public sealed class TeamsChannelSender(ITeamsProactiveSender proactive, IConversationReferenceStore references, ILogger<TeamsChannelSender> logger) : IChannelSender
{
    public string Prefix { get; } = ConversationKey.PrefixOf(ConversationKey.TeamsChannel);

    public async ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.ConversationId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SendOutcome.NoRoute;
        }

        try
        {
            var sent = await proactive.SendAsync(message.ConversationId, message, cancellationToken).ConfigureAwait(false);
            if (sent && message.Farewell)
            {
                await references.DeleteAsync(message.ConversationId, cancellationToken).ConfigureAwait(false);
            }

            return sent ? SendOutcome.Sent : SendOutcome.NoRoute;
        }
        catch (TeamsConnectorException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // The bot was removed from the conversation, or the conversation is gone.
            logger.LogInformation(e, "Teams conversation {ConversationId} no longer takes the bot's messages ({StatusCode})", message.ConversationId, e.StatusCode);
            return SendOutcome.Blocked;
        }
        catch (TeamsConnectorException e) when (e.StatusCode is { } status && (int)status is >= 400 and < 500
            && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests))
        {
            // A bad request stays bad: retrying it would hold the conversation's later replies back.
            logger.LogError(e, "The connector refused the message to {ConversationId} ({StatusCode}); dropped", message.ConversationId, e.StatusCode);
            return SendOutcome.Rejected;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A connector error after its own retries, no token, a lost connection: worth another try later.
            logger.LogWarning(e, "The proactive message to {ConversationId} could not be sent; to be tried again later", message.ConversationId);
            return SendOutcome.Failed;
        }
    }
}
