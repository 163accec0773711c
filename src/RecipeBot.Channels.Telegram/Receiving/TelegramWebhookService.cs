using Microsoft.Extensions.Hosting;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>Webhook mode: registers the webhook (and commands) with Telegram at start-up.</summary>
public sealed class TelegramWebhookService(TelegramBootstrap bootstrap) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => bootstrap.RunAsync(stoppingToken);
}
