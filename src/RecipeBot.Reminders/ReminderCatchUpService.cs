using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RecipeBot.Reminders;

/// <summary>
/// Runs <see cref="ReminderDispatcher.CatchUpAsync"/> once the application has started (so the channels'
/// senders are running), then every <see cref="ReminderOptions.CatchUpInterval"/>.
/// </summary>
public sealed class ReminderCatchUpService(
    ReminderDispatcher dispatcher,
    IHostApplicationLifetime lifetime,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderCatchUpService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstRun = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up catch-up has run (successfully or not).</summary>
    public Task FirstRun => _firstRun.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            _firstRun.TrySetResult();
            if (options.Value.CatchUpInterval <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new PeriodicTimer(options.Value.CatchUpInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _firstRun.TrySetCanceled(stoppingToken);
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task.ConfigureAwait(false);
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await dispatcher.CatchUpAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Reminder catch-up failed; the next one is in {Interval}", options.Value.CatchUpInterval);
        }
    }
}
