using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>Queues messages for Telegram; they are sent later, within Telegram's rate limits.</summary>
public interface ITelegramSender
{
    /// <summary>
    /// Queues <paramref name="message"/> behind the chat's earlier messages. Returns once it is queued, not
    /// sent; a message to a chat that blocked the bot is dropped silently.
    /// </summary>
    ValueTask EnqueueAsync(TelegramOutgoing message, CancellationToken cancellationToken);

    /// <summary>
    /// Queues <paramref name="message"/> like <see cref="EnqueueAsync"/> and completes once Telegram took every
    /// part of it (<see cref="SendOutcome.Sent"/>), or with <see cref="SendOutcome.Blocked"/> when the chat blocked
    /// or removed the bot, <see cref="SendOutcome.Rejected"/> when Telegram refused a part as a bad request, or
    /// <see cref="SendOutcome.Failed"/> when a part was given up after retries or the queue stopped.
    /// Cancelling stops the wait, not the message: it stays queued.
    /// </summary>
    ValueTask<SendOutcome> SendAsync(TelegramOutgoing message, CancellationToken cancellationToken);
}
