using Telegram.Bot.Types.ReplyMarkups;

namespace RecipeBot.Channels.Telegram.Tests.Sending;

/// <summary>One sendMessage or sendDocument request as <see cref="RecordingBotApi"/> saw it; <paramref name="Failure"/> is what it threw, if anything.</summary>
/// <param name="Document">The file name of a sendDocument request (then <paramref name="Text"/> is empty); null for sendMessage.</param>
internal sealed record SentRequest(DateTimeOffset At, long ChatId, string Text, InlineKeyboardMarkup? Keyboard, Exception? Failure, string? Document = null);
