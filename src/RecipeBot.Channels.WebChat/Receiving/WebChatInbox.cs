using System.Text.Json;
using RecipeBot.Channels.WebChat.Schema;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;

namespace RecipeBot.Channels.WebChat.Receiving;

/// <summary>
/// Writes what visitors send to the durable inbox before they are answered. The inbox orders and dedupes by a
/// number; web chat has none of its own, so each delivery gets the microseconds of its arrival, raised past the last
/// one given, and a number already taken (a clock set back across a restart) is followed by the next.
/// </summary>
public sealed class WebChatInbox(IInboxStore inbox, TimeProvider time)
{
    public const string Channel = "webchat";
    private const int MaxTries = 16;
    private readonly Lock _lock = new();
    private long _last;

    /// <summary>Stores <paramref name="delivery"/>; returns its sequence number.</summary>
    public async Task<long> AddAsync(WebChatDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var payload = JsonSerializer.Serialize(delivery, DirectLineJson.Options);
        var partition = ConversationKey.WebChat(delivery.ConversationId).ToString();
        for (var attempt = 0; ; attempt++)
        {
            var sequence = Next();
            var added = await inbox.AddAsync(Channel, [new InboxItem(sequence, partition, payload)], cancellationToken).ConfigureAwait(false);
            if (added == 1 || attempt >= MaxTries)
            {
                return added == 1 ? sequence : throw new InvalidOperationException("No free inbox sequence number for a web chat delivery.");
            }
        }
    }

    /// <summary>A number above every one given before in this process.</summary>
    public long Next()
    {
        var micros = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        lock (_lock)
        {
            _last = Math.Max(micros, _last + 1);
            return _last;
        }
    }
}
