using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using Telegram.Bot.Exceptions;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>What Telegram's answer tells about the chat itself: it blocked the bot (403), or the group moved to a supergroup.</summary>
public sealed partial class TelegramSender
{
    /// <summary>403: the user blocked the bot or it was removed from the group; nothing more can reach the chat.</summary>
    private async Task BlockAsync(ChatSendState chat, int errorCode, CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            chat.Blocked = true;
        }

        try
        {
            await _chats.SetActiveAsync(ConversationId(chat.ChatId), false, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The queue is dropped either way; the next 403 tries the directory again.
            LogDirectoryFailure(exception, chat.ChatId, stoppingToken);
        }

        List<QueuedPart> dropped;
        lock (_gate)
        {
            dropped = [.. chat.Items];
            chat.Items.Clear();
        }

        // Counted and logged before the queue may report idle.
        Statistics.AddDropped(dropped.Count);
        Statistics.AddBlockedChat();
        TelegramSenderLog.Blocked(_logger, chat.ChatId, errorCode, dropped.Count);
        lock (_gate)
        {
            RemoveQueued(dropped.Count);
            chat.Blocked = false;
            EndFlight(chat);
        }

        foreach (var part in dropped)
        {
            part.Delivery.NotSent(SendOutcome.Blocked);
        }
    }

    /// <summary>The group became a supergroup: record it and send the whole queue, head first, to the new id.</summary>
    private async Task MigrateAsync(ChatSendState chat, QueuedPart part, long newChatId, ApiRequestException migration, CancellationToken stoppingToken)
    {
        try
        {
            await _chats.MigrateAsync(ConversationId(chat.ChatId), ConversationId(newChatId), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The queue moves either way; a later message to the old id migrates again.
            LogDirectoryFailure(exception, chat.ChatId, stoppingToken);
        }

        // Guards against a chain of migrations that never ends.
        var gaveUp = part.Attempts >= _limits.MaxAttempts;
        if (gaveUp)
        {
            Statistics.AddDropped(1);
            TelegramSenderLog.GaveUp(_logger, migration, chat.ChatId, part.Attempts, migration.ErrorCode);
            part.Delivery.NotSent(SendOutcome.Failed);
        }

        TelegramSenderLog.Migrated(_logger, chat.ChatId, newChatId);
        lock (_gate)
        {
            if (gaveUp)
            {
                chat.Items.RemoveFirst();
                RemoveQueued(1);
            }

            var target = GetOrAddState(newChatId);
            target.MarkGroup();

            // The old chat's messages were queued first, but a part the new chat has in flight keeps its place.
            var anchor = target.InFlight ? target.Items.First : null;
            foreach (var queued in chat.Items)
            {
                anchor = anchor is null ? target.Items.AddFirst(queued) : target.Items.AddAfter(anchor, queued);
            }

            chat.Items.Clear();
            if (target.Items.Count > 0)
            {
                _backlog.Add(target);
            }

            EndFlight(chat);
            if (_states.TryGetValue(chat.ChatId, out var current) && current == chat)
            {
                _states.Remove(chat.ChatId);
            }
        }
    }

    /// <summary>Follows migrations recorded in the directory, so a group's old id reaches its supergroup.</summary>
    private async ValueTask<long> ResolveAsync(long chatId, CancellationToken cancellationToken)
    {
        var resolved = await _chats.ResolveAsync(ConversationId(chatId), cancellationToken).ConfigureAwait(false);
        return ConversationKey.TryParseTelegram(resolved, out var id) ? id : chatId;
    }

    private static string ConversationId(long chatId) => ConversationKey.Telegram(chatId).ToString();
}
