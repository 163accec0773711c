using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.Teams.Sending;

/// <summary>Replies and proactive messages from the durable conversation reference; works after a restart.</summary>
public sealed class TeamsProactiveSender(
    IConversationReferenceStore references,
    TeamsConnectorClient connector,
    TeamsServiceUrls serviceUrls,
    ILogger<TeamsProactiveSender> logger) : ITeamsProactiveSender
{
    public async Task<bool> SendAsync(string conversationId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reference = await references.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            logger.LogWarning("No conversation reference is stored for {ConversationId}; the proactive message is not sent", conversationId);
            return false;
        }

        // Only authenticated activities write references, so their service URL was learned, maybe before a restart.
        serviceUrls.Learn(reference.ServiceUrl);
        await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, TeamsReply.From(message, reference, message.InReplyTo), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
