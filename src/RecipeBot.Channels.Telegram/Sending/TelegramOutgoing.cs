using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>A message for the outbound queue; <paramref name="HtmlText"/> may be longer than Telegram allows.</summary>
/// <param name="IsGroup">Groups have their own limit of messages per minute.</param>
public sealed record TelegramOutgoing(long ChatId, string HtmlText, InlineKeyboardMarkup? Keyboard, bool IsGroup);
