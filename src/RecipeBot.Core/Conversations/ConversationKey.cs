using System.Diagnostics.CodeAnalysis;

namespace RecipeBot.Core.Conversations;

/// <summary>
/// Which conversation: the channel and its own id there, written <c>telegram:123</c> or <c>teams:29:1a2b…</c>
/// (the id may hold colons; the channel may not). Storage keeps the written form (<see cref="Conversation.Id"/>).
/// </summary>
public readonly record struct ConversationKey
{
    public ConversationKey(string channel, string id)
    {
        if (string.IsNullOrEmpty(channel) || channel.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A channel name is not empty and has no ':' (got '{channel}').", nameof(channel));
        }

        ArgumentException.ThrowIfNullOrEmpty(id);
        Channel = channel;
        Id = id;
    }

    public string Channel { get; }

    public string Id { get; }

    public const string TelegramChannel = "telegram";
    public const string TeamsChannel = "teams";
    public const string TerminalChannel = "terminal";

    /// <summary>Anonymous visitors of the municipality's website (Direct Line / Web Chat); kept for a shorter time than the other channels.</summary>
    public const string WebChatChannel = "webchat";

    public static ConversationKey Telegram(long chatId) => new(TelegramChannel, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ConversationKey Teams(string conversationId) => new(TeamsChannel, conversationId);

    public static ConversationKey Terminal(string chat) => new(TerminalChannel, chat);

    public static ConversationKey WebChat(string conversationId) => new(WebChatChannel, conversationId);

    /// <summary>An anonymous web visitor's conversation (<c>webchat:…</c>), which retention treats apart.</summary>
    public bool IsAnonymousWeb => Channel == WebChatChannel;

    /// <summary>How every key of <paramref name="channel"/> starts when written (<c>telegram:</c>): what a channel's outbox sender serves.</summary>
    public static string PrefixOf(string channel) => string.Concat(channel, ":");

    /// <summary>The Telegram chat id of a written key such as <c>telegram:-1001234567890</c>; false for any other text.</summary>
    public static bool TryParseTelegram([NotNullWhen(true)] string? text, out long chatId)
    {
        chatId = 0;
        return TryParse(text, out var key) && key.Channel == TelegramChannel
            && long.TryParse(key.Id, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out chatId)
            && chatId != 0;
    }

    /// <summary>A user of the same channel, written like a key (<c>telegram:42</c>): how coordinators are configured.</summary>
    public string UserOfChannel(string userId) => string.Concat(Channel, ":", userId);

    public override string ToString() => string.Concat(Channel, ":", Id);

    public static ConversationKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a conversation key such as 'telegram:123'.");

    public static bool TryParse([NotNullWhen(true)] string? text, out ConversationKey key)
    {
        key = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == text!.Length - 1)
        {
            return false;
        }

        key = new ConversationKey(text[..colon], text[(colon + 1)..]);
        return true;
    }
}
