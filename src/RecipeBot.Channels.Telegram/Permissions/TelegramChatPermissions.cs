using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Permissions;

/// <summary>
/// Whether a user owns or administers a Telegram group, from getChatMember. Answers are kept for
/// <see cref="CacheDuration"/> per chat and user, so a busy group does not ask Telegram on every message.
/// When Telegram cannot be asked, the answer is "no" (and not kept): a meeting is better left unchanged.
/// </summary>
public sealed class TelegramChatPermissions(ITelegramBotClient bot, TimeProvider time, ILogger<TelegramChatPermissions> logger) : IChatPermissions
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(long Chat, long User), Answer> _answers = new();
    private long _nextPruneTicks;

    public async ValueTask<bool> IsAdminAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(userId);
        // A private chat has no administrators; another channel's conversation is not ours to judge.
        if (!ConversationKey.TryParseTelegram(conversationId, out var chatId) || chatId > 0
            || !long.TryParse(userId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var user))
        {
            return false;
        }

        var key = (chatId, user);
        var now = time.GetUtcNow();
        if (_answers.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.IsAdmin;
        }

        bool isAdmin;
        try
        {
            var member = await bot.GetChatMember(chatId, user, cancellationToken).ConfigureAwait(false);
            isAdmin = member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            // No such member, or the bot is no longer in the group: not an administrator, and asking again soon changes nothing.
            logger.LogDebug(e, "Telegram did not say whether user {UserId} administers chat {ChatId}; taken as not", user, chatId);
            isAdmin = false;
        }
        catch (RequestException e)
        {
            logger.LogWarning(e, "Could not ask Telegram whether user {UserId} administers chat {ChatId}; taken as not, for now", user, chatId);
            return false;
        }

        PruneIfDue(now);
        _answers[key] = new Answer(isAdmin, now + CacheDuration);
        return isAdmin;
    }

    /// <summary>Drops expired answers now and then, so the cache does not grow with every member ever asked about.</summary>
    private void PruneIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, now.UtcTicks + CacheDuration.Ticks, due) != due)
        {
            return;
        }

        foreach (var entry in _answers)
        {
            if (entry.Value.Expires <= now)
            {
                _answers.TryRemove(entry);
            }
        }
    }

    private readonly record struct Answer(bool IsAdmin, DateTimeOffset Expires);
}
