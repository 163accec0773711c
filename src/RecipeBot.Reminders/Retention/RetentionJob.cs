using Microsoft.Extensions.Logging;
using Quartz;
using RecipeBot.Core.Privacy;

namespace RecipeBot.Reminders.Retention;

/// <summary>
/// The daily retention pass (<see cref="RetentionSweeper"/>) as a Quartz job: trigger <c>privacy.retention</c>, every
/// day at <see cref="LocalTime"/> in <see cref="TimeZone"/>; a day missed while the bot was down runs once when it is back.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionSweeper sweeper, ILogger<RetentionJob> logger) : IJob
{
    public const string Group = "privacy";

    /// <summary>At night, when hardly anyone writes.</summary>
    public static readonly TimeOnly LocalTime = new(3, 30);

    public const string TimeZone = "Europe/Tallinn";

    public static JobKey Job { get; } = new("retention", Group);

    public static TriggerKey Trigger { get; } = new("retention", Group);

    /// <summary>Adds the job and its daily trigger to a Quartz configuration.</summary>
    public static void AddTo(IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.AddJob<RetentionJob>(job => job.WithIdentity(Job).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(Trigger)
            .ForJob(Job)
            .WithCronSchedule(
                $"0 {LocalTime.Minute} {LocalTime.Hour} * * ?",
                cron => cron
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(TimeZone))
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Tomorrow's run deletes what this one could not.
            logger.LogError(exception, "The retention pass failed; the next one is tomorrow");
        }
    }
}
