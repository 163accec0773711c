using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Core.Channels;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Long polling: fetch updates, store them in the inbox, and only then move the offset on,
/// so an update is never lost between Telegram and the disk. A 409 (another poller or a
/// webhook) is reported clearly and retried with backoff.
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotApi api,
    TelegramBootstrap bootstrap,
    IInboxStore inbox,
    ICursorStore cursors,
    TelegramInboxProcessor processor,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public const string OffsetCursor = "telegram:offset";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bootstrap.RunAsync(stoppingToken).ConfigureAwait(false);
        var offset = await cursors.GetAsync(OffsetCursor, stoppingToken).ConfigureAwait(false);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<TelegramUpdate> updates;
            try
            {
                updates = await api.GetUpdatesAsync(offset, options.PollingTimeoutSeconds, TelegramBootstrap.AllowedUpdates, stoppingToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = Backoff(e, failures);
                if (e is TelegramApiException { ErrorCode: 409 })
                {
                    logger.LogError("Telegram answered 409 Conflict: another process is polling with this token, or a webhook is set. Only one poller may run; use webhook mode for several instances. Retrying in {Delay}", delay);
                }
                else
                {
                    logger.LogWarning(e, "getUpdates failed ({Failures} in a row); retrying in {Delay}", failures, delay);
                }

                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (updates.Count == 0)
            {
                continue;
            }

            var items = new InboxItem[updates.Count];
            for (var i = 0; i < updates.Count; i++)
            {
                var update = updates[i];
                items[i] = new InboxItem(update.UpdateId, TelegramInboxProcessor.PartitionOf(update), JsonSerializer.Serialize(update, TelegramJson.Options));
            }

            await inbox.AddAsync(TelegramInboxProcessor.Channel, items, stoppingToken).ConfigureAwait(false);
            offset = updates.Max(u => u.UpdateId) + 1;
            await cursors.SetAsync(OffsetCursor, offset.Value, stoppingToken).ConfigureAwait(false);
            processor.Signal(items.Min(item => item.Sequence));
        }
    }

    private static TimeSpan Backoff(Exception e, int failures)
    {
        if (e is TelegramApiException { RetryAfter: { } retryAfter })
        {
            return retryAfter;
        }

        var (first, max) = e is TelegramApiException { ErrorCode: 409 } ? (5.0, 60.0) : (1.0, 30.0);
        return TimeSpan.FromSeconds(Math.Min(first * Math.Pow(2, Math.Min(failures - 1, 10)), max));
    }
}
