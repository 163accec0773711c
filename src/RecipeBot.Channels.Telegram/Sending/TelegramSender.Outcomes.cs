using RecipeBot.Channels.Telegram.Client;
using RecipeBot.Core.Channels;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Sending;

/// <summary>One request and what its answer does to the chat's queue.</summary>
public sealed partial class TelegramSender
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private async Task SendPartAsync(ChatSendState chat, QueuedPart part, SendTiming timing, CancellationToken stoppingToken)
    {
        Exception? failure = null;
        try
        {
            // The sent message comes back, but nothing here reads it: an answer in another shape than Telegram's
            // (telegram-test-api dates messages in milliseconds) still means the message was taken, and is no reason to send it again.
            await _bot.SendAsync(Request(chat.ChatId, part), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        lock (_gate)
        {
            timing.Finish(_time.GetUtcNow());
            if (failure is null)
            {
                _roundTrips.Add(timing.End!.Value - timing.Start);
            }
        }

        if (failure is null)
        {
            Statistics.AddSent();
            Finish(chat, removeHead: true);
            part.Delivery.PartSent();
            return;
        }

        await HandleFailureAsync(chat, part, failure, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Built anew for each attempt: a document's stream is used up by the one before.</summary>
    private static IRequest Request(long chatId, QueuedPart part) => part.Document is { } document
        ? new SendDocumentRequest { ChatId = chatId, Document = InputFile.FromStream(new MemoryStream(document.Content, writable: false), document.FileName) }
        : new SendMessageRequest
        {
            ChatId = chatId,
            Text = part.Text,
            ParseMode = ParseMode.Html,
            LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
            ReplyMarkup = part.Keyboard,
        };

    private async Task HandleFailureAsync(ChatSendState chat, QueuedPart part, Exception failure, CancellationToken stoppingToken)
    {
        switch (failure)
        {
            case OperationCanceledException when stoppingToken.IsCancellationRequested:
                Finish(chat, removeHead: false);
                break;
            case ApiRequestException { Parameters.MigrateToChatId: { } newChatId } migration when newChatId != chat.ChatId:
                await MigrateAsync(chat, part, newChatId, migration, stoppingToken).ConfigureAwait(false);
                break;
            case ApiRequestException { ErrorCode: 429 } tooMany:
                Statistics.AddRateLimited();
                var retryAfter = tooMany.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultRetryAfter;
                RetryOrDrop(chat, part, retryAfter > _limits.MaxRetryAfter ? _limits.MaxRetryAfter : retryAfter, tooMany);
                break;
            case ApiRequestException { ErrorCode: 403 } forbidden:
                await BlockAsync(chat, forbidden.ErrorCode, stoppingToken).ConfigureAwait(false);
                break;
            case var transient when IsTransient(transient):
                RetryOrDrop(chat, part, Backoff(part.Attempts), transient);
                break;
            case ApiRequestException refused:
                // A bad request stays bad: never retried.
                TelegramSenderLog.Refused(_logger, refused, chat.ChatId, refused.ErrorCode, refused.Message);
                Drop(chat, part, SendOutcome.Rejected);
                break;
            default:
                // Whatever else went wrong, the message is dropped rather than the chat left in flight forever.
                TelegramSenderLog.Failed(_logger, failure, chat.ChatId, part.Attempts);
                Drop(chat, part);
                break;
        }
    }

    /// <summary>
    /// Telegram's own trouble (5xx), and a request that did not get a Bot API answer at all: Telegram could not be
    /// reached, did not answer in time, or something in between answered with something else (a proxy's HTML page).
    /// </summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException or OperationCanceledException => true,
        _ => false,
    };

    /// <summary>Telegram's error code, else the HTTP status of whatever answered, else 0.</summary>
    private static int ErrorCodeOf(Exception exception) => exception switch
    {
        ApiRequestException api => api.ErrorCode,
        RequestException { HttpStatusCode: { } status } => (int)status,
        _ => 0,
    };

    /// <summary>1 s, 2 s, 4 s … up to 30 s, plus up to 25 % jitter so that chats failing together do not retry together.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var exponential = FirstBackoff * Math.Pow(2, Math.Min(attempt - 1, 16));
        var jittered = exponential * (1 + (Random.Shared.NextDouble() / 4));
        return jittered < MaxBackoff ? jittered : MaxBackoff;
    }

    private void RetryOrDrop(ChatSendState chat, QueuedPart part, TimeSpan delay, Exception exception)
    {
        var errorCode = ErrorCodeOf(exception);
        if (part.Attempts >= _limits.MaxAttempts)
        {
            TelegramSenderLog.GaveUp(_logger, exception, chat.ChatId, part.Attempts, errorCode);
            Drop(chat, part);
            return;
        }

        TelegramSenderLog.Retrying(_logger, exception, chat.ChatId, part.Attempts, errorCode, delay);
        Statistics.AddRetried();
        lock (_gate)
        {
            chat.PausedUntil = _time.GetUtcNow() + delay;
            EndFlight(chat);
        }
    }

    private void Drop(ChatSendState chat, QueuedPart part, SendOutcome outcome = SendOutcome.Failed)
    {
        Statistics.AddDropped(1);
        Finish(chat, removeHead: true);
        part.Delivery.NotSent(outcome);
    }

    private void Finish(ChatSendState chat, bool removeHead)
    {
        lock (_gate)
        {
            if (removeHead)
            {
                chat.Items.RemoveFirst();
                RemoveQueued(1);
            }

            EndFlight(chat);
        }
    }

    /// <summary>Whoever waits for a message still queued at shutdown hears that it was not sent.</summary>
    private void AbandonWaiting()
    {
        List<PendingDelivery> waiting;
        lock (_gate)
        {
            waiting = [.. _states.Values.SelectMany(chat => chat.Items).Select(part => part.Delivery).Distinct()];
        }

        foreach (var delivery in waiting)
        {
            delivery.NotSent(SendOutcome.Failed);
        }
    }

    private void LogDirectoryFailure(Exception exception, long chatId, CancellationToken stoppingToken)
    {
        if (!stoppingToken.IsCancellationRequested)
        {
            TelegramSenderLog.DirectoryFailed(_logger, exception, chatId);
        }
    }

    /// <summary>Under the lock: the chat's request is over, so it may be planned again.</summary>
    private void EndFlight(ChatSendState chat)
    {
        _flying.Remove(chat);
        chat.Flight = null;
        if (chat.Items.Count == 0)
        {
            _backlog.Remove(chat);
        }

        _wake.TrySetResult();
    }

    /// <summary>Under the lock.</summary>
    private void RemoveQueued(int count)
    {
        _queued -= count;
        if (_queued == 0)
        {
            _idle.TrySetResult();
        }
    }
}
