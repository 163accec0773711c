using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Decides whether a message in a chat is meant for the bot, and what it says once the
/// bot's own mention is taken out. Private chats: always. Groups: commands (not addressed
/// to another bot), mentions of the bot, and replies to the bot's messages.
/// </summary>
public static class TelegramMessageText
{
    public static bool IsPrivate(Chat chat) => chat.Type == ChatType.Private;

    /// <summary>The text for the engine, or null when the message is not for the bot.</summary>
    public static string? ForBot(Message message, User bot)
    {
        var text = message.Text;
        // Telegram.Bot reads leniently: a message some server sent without its chat arrives with none.
        if (string.IsNullOrWhiteSpace(text) || message.Chat is not { } chat)
        {
            return null;
        }

        if (IsPrivate(chat))
        {
            return text;
        }

        // A bot always has a username on Telegram; without one only text mentions and replies can address it.
        var mention = string.IsNullOrEmpty(bot.Username) ? null : "@" + bot.Username;
        if (text.StartsWith('/'))
        {
            var command = text.Split(' ', 2)[0];
            var at = command.IndexOf('@', StringComparison.Ordinal);
            // "/help@OtherBot" is for another bot in the group.
            return at < 0 || string.Equals(command[at..], mention, StringComparison.OrdinalIgnoreCase) ? text : null;
        }

        // A "text_mention" links a user without a username: the bot counts when it is the one linked.
        foreach (var entity in message.Entities ?? [])
        {
            if (entity?.Type == MessageEntityType.TextMention && entity.User?.Id == bot.Id && IsWithin(entity, text))
            {
                return WithoutMention(text, entity.Offset, entity.Length);
            }
        }

        // "@RecipeBot …" (whether or not the client sent a "mention" entity for it).
        if (mention is not null)
        {
            var index = text.IndexOf(mention, StringComparison.OrdinalIgnoreCase);
            var end = index + mention.Length;
            if (index >= 0 && (end == text.Length || !IsUsernameChar(text[end])))
            {
                return WithoutMention(text, index, mention.Length);
            }
        }

        return message.ReplyToMessage?.From?.Id == bot.Id ? text : null;
    }

    /// <summary>The message without the bot's mention; a bare mention asks for help.</summary>
    private static string WithoutMention(string text, int start, int length)
    {
        var rest = text.Remove(start, length).Trim();
        return rest.Length == 0 ? "/help" : rest;
    }

    /// <summary>Entities come from outside: one that does not lie within the text (negative, past the end) is ignored.</summary>
    private static bool IsWithin(MessageEntity entity, string text) =>
        entity.Offset >= 0 && entity.Length > 0 && entity.Offset <= text.Length - entity.Length;

    private static bool IsUsernameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
