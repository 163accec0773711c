namespace RecipeBot.Channels.Telegram.Api;

/// <summary>
/// The part of the Telegram Bot API the bot uses. Every method throws <see cref="TelegramApiException"/>
/// when Telegram (or a proxy in front of it) refuses the request, <see cref="HttpRequestException"/> when
/// it cannot be reached, and <see cref="TimeoutException"/> when it does not answer in time (getUpdates:
/// its timeout + 15 s; uploads: 120 s; anything else: 30 s). No exception or log line ever contains the bot token.
/// </summary>
public interface ITelegramBotApi
{
    /// <summary>The bot's own user: a cheap check that the token is valid.</summary>
    Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Long polling. Passing <paramref name="offset"/> confirms every update below it; nothing else ever
    /// drops pending updates. The request may take up to <paramref name="timeoutSeconds"/> + 15 s.
    /// </summary>
    /// <param name="offset">The highest update id seen plus one; null on the first call.</param>
    /// <param name="timeoutSeconds">How long Telegram holds the request open when there is nothing new.</param>
    /// <param name="allowedUpdates">Update kinds to receive, e.g. "message", "callback_query"; empty means Telegram's default set.</param>
    /// <param name="cancellationToken">Aborts the poll.</param>
    /// <remarks>
    /// An update that cannot be read (Telegram sent a shape this client does not expect) comes back with
    /// only its <see cref="TelegramUpdate.UpdateId"/>, so the caller confirms and skips it instead of
    /// receiving it again forever.
    /// </remarks>
    Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int timeoutSeconds, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="htmlText"/> with parse_mode HTML and link previews disabled.</summary>
    Task<TelegramMessage> SendMessageAsync(long chatId, string htmlText, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken);

    /// <summary>Stops the button's loading spinner; a non-null <paramref name="text"/> shows as a toast.</summary>
    Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken);

    /// <summary>Replaces a message's inline keyboard; a null <paramref name="replyMarkup"/> removes it.</summary>
    Task EditMessageReplyMarkupAsync(long chatId, long messageId, InlineKeyboardMarkup? replyMarkup, CancellationToken cancellationToken);

    /// <summary>Uploads a file as multipart/form-data; the caption, like message text, is HTML.</summary>
    Task<TelegramMessage> SendDocumentAsync(long chatId, string fileName, ReadOnlyMemory<byte> content, string? caption, CancellationToken cancellationToken);

    /// <summary>A member of a chat: its status tells whether <paramref name="userId"/> administers the group ("creator", "administrator").</summary>
    Task<ChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken);

    /// <summary>Sets the command menu for users whose client speaks <paramref name="languageCode"/>, or for everyone when null.</summary>
    Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, string? languageCode, CancellationToken cancellationToken);

    /// <summary>
    /// Switches the bot to webhook delivery. Pending updates are kept (drop_pending_updates is always false);
    /// Telegram sends <paramref name="secretToken"/> in the X-Telegram-Bot-Api-Secret-Token header.
    /// </summary>
    Task SetWebhookAsync(string url, string secretToken, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken);

    /// <summary>Switches the bot back to getUpdates, keeping pending updates (drop_pending_updates=false).</summary>
    Task DeleteWebhookAsync(CancellationToken cancellationToken);

    Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken);
}
