using RecipeBot.Channels.WebChat.Receiving;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;

namespace RecipeBot.Channels.WebChat.Sending;

/// <summary>
/// The web chat outbox's channel: a reply (or a reminder) is "sent" once it is in the conversation's transcript,
/// where the visitor's client fetches it — by polling or over its stream — whenever it comes back.
/// </summary>
public sealed class WebChatChannelSender(WebChatTranscript transcript, WebChatInbox ids, WebChatOptions options, TimeProvider time) : IChannelSender
{
    public string Prefix { get; } = ConversationKey.PrefixOf(ConversationKey.WebChatChannel);

    public async ValueTask<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!ConversationKey.TryParse(message.ConversationId, out var key) || key.Channel != ConversationKey.WebChatChannel)
        {
            return SendOutcome.NoRoute;
        }

        var activityId = string.Concat(key.Id, "|b", ids.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var activity = WebChatReply.From(message, key.Id, activityId, options.MunicipalityName, time.GetUtcNow());
        await transcript.AppendAsync(message.ConversationId, activity, cancellationToken).ConfigureAwait(false);
        return SendOutcome.Sent;
    }
}
