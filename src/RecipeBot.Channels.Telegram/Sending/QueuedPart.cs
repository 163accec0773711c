using RecipeBot.Core.Engine;
using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>One Telegram request waiting in a chat's queue: a message, or a document when <see cref="Document"/> is set.</summary>
/// <param name="Sequence">Enqueue order across all chats, so the chat waiting longest goes first.</param>
internal sealed record QueuedPart(string Text, InlineKeyboardMarkup? Keyboard, long Sequence)
{
    /// <summary>Sent with sendDocument instead of <see cref="Text"/>.</summary>
    public MessageAttachment? Document { get; init; }

    /// <summary>The message this part belongs to, told what became of the part.</summary>
    public required PendingDelivery Delivery { get; init; }

    /// <summary>Requests made for this part so far; only the scheduler and the part's own send touch it.</summary>
    public int Attempts { get; set; }
}
