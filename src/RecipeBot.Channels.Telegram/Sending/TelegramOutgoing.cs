using RecipeBot.Core.Engine;
using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>A message for the outbound queue; <paramref name="HtmlText"/> may be longer than Telegram allows.</summary>
/// <param name="IsGroup">Groups have their own limit of messages per minute.</param>
/// <param name="Document">A file sent after the text, as its own request in the same queue and within the same limits.</param>
public sealed record TelegramOutgoing(long ChatId, string HtmlText, InlineKeyboardMarkup? Keyboard, bool IsGroup, MessageAttachment? Document = null);
