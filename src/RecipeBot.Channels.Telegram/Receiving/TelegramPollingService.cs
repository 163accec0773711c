using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Client;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Long polling: fetch updates, store them in the inbox as Telegram wrote them, and only then move the offset
/// on, so an update is never lost between Telegram and the disk. A 409 (another poller or a webhook) is
/// reported clearly and retried with backoff; an empty answer that came back at once is followed by a pause.
/// A poll is held while its replies would wait for the sender's request slots (<see cref="PollPacer"/>).
/// Only the instance that leads the election polls (on PostgreSQL, through an advisory lock); when it loses the lead
/// it stops, and the next leader goes on from the stored offset.
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramBootstrap bootstrap,
    IInboxStore inbox,
    ICursorStore cursors,
    TelegramInboxProcessor processor,
    TelegramSender sender,
    TelegramSendLimits limits,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger,
    ILeaderElection? election = null) : BackgroundService
{
    public const string OffsetCursor = "telegram:offset";

    /// <summary>
    /// The shortest time one empty poll takes. Telegram holds an empty poll for its timeout; a server that answers
    /// at once instead (telegram-test-api) is asked again only after the rest of this interval, not in a hot loop.
    /// </summary>
    public static readonly TimeSpan MinimumEmptyPoll = TimeSpan.FromSeconds(1);

    public const string ElectionName = "telegram:polling";

    /// <summary>The most updates Telegram hands out for one getUpdates.</summary>
    public const int MaxBatch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every instance learns who the bot is (its inbox rows need it); only the leader polls.
        await bootstrap.RunAsync(stoppingToken).ConfigureAwait(false);
        var elector = election ?? new SingleInstanceElection();
        while (!stoppingToken.IsCancellationRequested)
        {
            var lead = await elector.AcquireAsync(ElectionName, stoppingToken).ConfigureAwait(false);
            await using (lead.ConfigureAwait(false))
            {
                using var polling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lead.Lost);
                try
                {
                    await PollAsync(polling.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (lead.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("This instance lost the lead of Telegram polling; it polls again only when elected");
                }
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var offset = await cursors.GetAsync(OffsetCursor, stoppingToken).ConfigureAwait(false);
        var failures = 0;
        var pacer = new PollPacer(sender, () => processor.TypicalTurnTime, limits.MaxConcurrentRequests, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            var (hold, limit) = pacer.Next();
            if (hold > TimeSpan.Zero)
            {
                await Task.Delay(hold, time, stoppingToken).ConfigureAwait(false);
            }

            var asked = time.GetTimestamp();
            JsonElement updates;
            try
            {
                updates = await GetUpdatesAsync(offset, limit, stoppingToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = Backoff(e, failures);
                if (e is ApiRequestException { ErrorCode: 409 })
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

            var (items, read, next) = ReadBatch(updates, logger);
            if (items.Count > 0)
            {
                await inbox.AddAsync(TelegramInboxProcessor.Channel, items, stoppingToken).ConfigureAwait(false);
                pacer.Arrived(items.Count, time.GetElapsedTime(asked));
                if (read.Count == items.Count)
                {
                    processor.Signal(read);
                }
                else
                {
                    processor.Signal(items.Min(item => item.Sequence));
                }
            }

            if (next > (offset ?? 0))
            {
                offset = next;
                await cursors.SetAsync(OffsetCursor, next, stoppingToken).ConfigureAwait(false);
            }
            else if (time.GetElapsedTime(asked) is var elapsed && elapsed < MinimumEmptyPoll)
            {
                await Task.Delay(MinimumEmptyPoll - elapsed, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<JsonElement> GetUpdatesAsync(long? offset, int limit, CancellationToken stoppingToken)
    {
        var request = new GetUpdatesRequest
        {
            // Telegram's update ids fit in 32 bits; the cursor keeps them as 64.
            Offset = offset is { } value ? checked((int)value) : null,
            Timeout = options.PollingTimeoutSeconds,
            Limit = limit,
            AllowedUpdates = TelegramBootstrap.AllowedUpdates,
        };
        var updates = await bot.CallAsync(request, stoppingToken).ConfigureAwait(false);
        return updates.ValueKind == JsonValueKind.Array
            ? updates
            : throw new RequestException($"getUpdates answered {updates.ValueKind}, not a list of updates");
    }

    /// <summary>
    /// The updates as inbox rows, each its JSON as Telegram wrote it, and the offset that confirms them all. An update
    /// Telegram.Bot cannot read is stored all the same (the inbox processor gives it up, logged), so it never
    /// holds up the ones after it. The updates as read go along, so their turns need not read them again.
    /// </summary>
    internal static (List<InboxItem> Items, List<Update> Read, long Next) ReadBatch(JsonElement updates, ILogger logger)
    {
        var items = new List<InboxItem>(updates.GetArrayLength());
        var read = new List<Update>(items.Capacity);
        long next = 0;
        foreach (var update in updates.EnumerateArray())
        {
            if (update.ValueKind != JsonValueKind.Object
                || !update.TryGetProperty("update_id", out var id)
                || !id.TryGetInt64(out var updateId))
            {
                logger.LogWarning("getUpdates returned an update without an id, which is skipped");
                continue;
            }

            string partition;
            try
            {
                var parsed = TelegramUpdateJson.Parse(update);
                partition = parsed is null ? "telegram:none" : TelegramInboxProcessor.PartitionOf(parsed);
                if (parsed is not null && parsed.Id == updateId)
                {
                    read.Add(parsed);
                }
            }
            catch (JsonException)
            {
                partition = "telegram:none";
            }

            items.Add(new InboxItem(updateId, partition, update.GetRawText()));
            next = Math.Max(next, updateId + 1);
        }

        return (items, read, next);
    }

    private static TimeSpan Backoff(Exception e, int failures)
    {
        if (e is ApiRequestException { Parameters.RetryAfter: { } seconds })
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var (first, max) = e is ApiRequestException { ErrorCode: 409 } ? (5.0, 60.0) : (1.0, 30.0);
        return TimeSpan.FromSeconds(Math.Min(first * Math.Pow(2, Math.Min(failures - 1, 10)), max));
    }
}
