namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>Queues messages for Telegram; they are sent later, within Telegram's rate limits.</summary>
public interface ITelegramSender
{
    /// <summary>
    /// Queues <paramref name="message"/> behind the chat's earlier messages. Returns once it is queued, not
    /// sent; a message to a chat that blocked the bot is dropped silently.
    /// </summary>
    ValueTask EnqueueAsync(TelegramOutgoing message, CancellationToken cancellationToken);
}
