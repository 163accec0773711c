using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Turns;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// Works through the durable inbox that polling and the webhook fill: chats in parallel,
/// each chat's updates in order. The turn answers whatever the engine throws; an update that still
/// fails (the database is down) is retried a few times and then given up — logged, and the user told
/// — never blocking the others.
/// </summary>
public sealed class TelegramInboxProcessor(
    IInboxStore inbox,
    TelegramUpdateHandler handler,
    TurnRunner turns,
    TelegramOptions options,
    ILogger<TelegramInboxProcessor> logger) : BackgroundService
{
    public const string Channel = "telegram";
    public const int MaxAttempts = 3;
    private const int BatchSize = 512;

    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Wakes the processor: something was added to the inbox.</summary>
    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public static string PartitionOf(Update update) =>
        (update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat ?? update.MyChatMember?.Chat ?? update.EditedMessage?.Chat) is { } chat
            ? TelegramUpdateHandler.ConversationId(chat.Id)
            : "telegram:none";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RoundAsync(stoppingToken).ConfigureAwait(false))
                {
                    pause = TimeSpan.FromSeconds(1);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The inbox itself cannot be read or written (a full disk): the updates are safe there, so wait longer
                // each time and try again rather than stop the bot.
                logger.LogError(e, "The Telegram inbox could not be worked; trying again in {PauseSeconds} s", pause.TotalSeconds);
                await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
                pause = TimeSpan.FromSeconds(Math.Min(60, pause.TotalSeconds * 2));
            }
        }
    }

    /// <summary>One batch; false when there was nothing to do or nothing could be done.</summary>
    private async Task<bool> RoundAsync(CancellationToken stoppingToken)
    {
        var batch = await inbox.PendingAsync(Channel, BatchSize, stoppingToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            // Woken by a signal; the timeout only covers a signal lost in a race.
            await _signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            return false;
        }

        var done = await ProcessAsync(batch, stoppingToken).ConfigureAwait(false);
        if (done.Count > 0)
        {
            await inbox.CompleteAsync(Channel, done, stoppingToken).ConfigureAwait(false);
            return true;
        }

        // Everything failed this round (Telegram or the disk is down): don't spin.
        await _signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
        return false;
    }

    private async Task<List<long>> ProcessAsync(IReadOnlyList<InboxItem> batch, CancellationToken stoppingToken)
    {
        var done = new ConcurrentBag<long>();
        var chats = batch.GroupBy(item => item.Partition, StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            chats,
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = stoppingToken },
            async (chat, cancellationToken) =>
            {
                foreach (var item in chat)
                {
                    if (!await ProcessOneAsync(item, cancellationToken).ConfigureAwait(false))
                    {
                        // The chat's later updates wait for this one, so its replies keep their order.
                        break;
                    }

                    done.Add(item.Sequence);
                }
            }).ConfigureAwait(false);
        return [.. done];
    }

    /// <summary>True when the item is finished with: handled, or given up.</summary>
    private async Task<bool> ProcessOneAsync(InboxItem item, CancellationToken cancellationToken)
    {
        Update? update;
        try
        {
            update = TelegramUpdateJson.Parse(item.Payload);
        }
        catch (JsonException e)
        {
            logger.LogError(e, "Update {UpdateId} in the inbox is not readable; given up", item.Sequence);
            return true;
        }

        if (update is null)
        {
            return true;
        }

        try
        {
            await handler.HandleAsync(update, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = await inbox.FailAsync(Channel, item.Sequence, cancellationToken).ConfigureAwait(false);
            if (attempts >= MaxAttempts)
            {
                // Never silently: the user hears that the message was not handled, and the log says why.
                var told = await turns.ApologiseAsync(item.Partition, LanguageOf(update), cancellationToken).ConfigureAwait(false);
                logger.LogError(e, "Update {UpdateId} failed {Attempts} times; given up, the user {Told}", item.Sequence, attempts, told ? "was told" : "could not be told");
                return true;
            }

            logger.LogWarning(e, "Update {UpdateId} failed (attempt {Attempts}); will retry", item.Sequence, attempts);
            return false;
        }
    }

    private static string? LanguageOf(Update update) =>
        (update.Message?.From ?? update.CallbackQuery?.From)?.LanguageCode;

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }
}
