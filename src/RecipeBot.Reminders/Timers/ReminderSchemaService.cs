using Microsoft.Extensions.Hosting;

namespace RecipeBot.Reminders.Timers;

/// <summary>
/// Creates Quartz's tables as the host starts, before any hosted service (Quartz's included) builds the
/// scheduler: <see cref="RemindersServiceCollectionExtensions.AddReminders"/> registers it first.
/// </summary>
public sealed class ReminderSchemaService(QuartzSqliteSchema schema) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => schema.EnsureCreatedAsync(cancellationToken).AsTask();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
