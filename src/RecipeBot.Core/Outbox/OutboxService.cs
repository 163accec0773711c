using Microsoft.Extensions.Hosting;

namespace RecipeBot.Core.Outbox;

/// <summary>Runs one <see cref="OutboxSender"/> per channel the process serves.</summary>
public sealed class OutboxService(OutboxSenders senders) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(senders.All.Select(sender => Task.Run(() => sender.RunAsync(stoppingToken), CancellationToken.None)));
}
