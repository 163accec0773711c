using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>One Telegram message waiting in a chat's queue.</summary>
/// <param name="Sequence">Enqueue order across all chats, so the chat waiting longest goes first.</param>
internal sealed record QueuedPart(string Text, InlineKeyboardMarkup? Keyboard, long Sequence)
{
    /// <summary>Requests made for this part so far; only the scheduler and the part's own send touch it.</summary>
    public int Attempts { get; set; }
}
