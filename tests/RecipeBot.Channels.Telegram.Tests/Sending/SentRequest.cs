using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>One sendMessage request as <see cref="RecordingBotApi"/> saw it; <paramref name="Failure"/> is what it threw, if anything.</summary>
internal sealed record SentRequest(DateTimeOffset At, long ChatId, string Text, InlineKeyboardMarkup? Keyboard, Exception? Failure);
