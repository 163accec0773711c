using RecipeBot.Channels.Telegram.Api;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Decides whether a message in a chat is meant for the bot, and what it says once the
/// bot's own mention is taken out. Private chats: always. Groups: commands (not addressed
/// to another bot), mentions of the bot, and replies to the bot's messages.
/// </summary>
public static class TelegramMessageText
{
    public static bool IsPrivate(TelegramChat chat) => chat.Type == "private";

    /// <summary>The text for the engine, or null when the message is not for the bot.</summary>
    public static string? ForBot(TelegramMessage message, TelegramUser bot)
    {
        var text = message.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IsPrivate(message.Chat))
        {
            return text;
        }

        var mention = "@" + bot.Username;
        if (text.StartsWith('/'))
        {
            var command = text.Split(' ', 2)[0];
            var at = command.IndexOf('@', StringComparison.Ordinal);
            // "/help@OtherBot" is for another bot in the group.
            return at < 0 || string.Equals(command[at..], mention, StringComparison.OrdinalIgnoreCase) ? text : null;
        }

        foreach (var entity in message.Entities ?? [])
        {
            if (entity.Type == "mention" && entity.Offset + entity.Length <= text.Length
                && string.Equals(text.Substring(entity.Offset, entity.Length), mention, StringComparison.OrdinalIgnoreCase))
            {
                var rest = text.Remove(entity.Offset, entity.Length).Trim();
                return rest.Length == 0 ? "/help" : rest;
            }

            if (entity.Type == "text_mention" && entity.User?.Id == bot.Id && entity.Offset + entity.Length <= text.Length)
            {
                var rest = text.Remove(entity.Offset, entity.Length).Trim();
                return rest.Length == 0 ? "/help" : rest;
            }
        }

        // Clients always send a "mention" entity; text without one (a forwarded copy, an emulator) still counts.
        var index = text.IndexOf(mention, StringComparison.OrdinalIgnoreCase);
        var end = index + mention.Length;
        if (index >= 0 && (end == text.Length || !IsUsernameChar(text[end])))
        {
            var rest = text.Remove(index, mention.Length).Trim();
            return rest.Length == 0 ? "/help" : rest;
        }

        return message.ReplyToMessage?.From?.Id == bot.Id ? text : null;
    }

    private static bool IsUsernameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
