using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Api;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// What the bot tells Telegram at start: who it is (getMe), its commands in et/en/ru, and
/// where updates go (deleteWebhook for polling, setWebhook for webhook mode). Retries with
/// backoff until Telegram answers; pending updates are never dropped.
/// </summary>
public sealed class TelegramBootstrap(
    ITelegramBotApi api,
    TelegramBotIdentity identity,
    CompiledFlow flow,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramBootstrap> logger)
{
    public static IReadOnlyList<string> AllowedUpdates { get; } = ["message", "callback_query", "my_chat_member"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await RunOnceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is TelegramApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (e is TelegramApiException { ErrorCode: 401 or 404 })
                {
                    logger.LogCritical("Telegram rejected the bot token (check Telegram:BotToken); retrying in {Delay}", delay);
                }
                else
                {
                    logger.LogWarning(e, "Telegram is not reachable at start-up; retrying in {Delay}", delay);
                }

                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 60));
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var bot = await api.GetMeAsync(cancellationToken).ConfigureAwait(false);
        identity.Set(bot);
        logger.LogInformation("Telegram bot @{Username} ({BotId}) is connected, {Mode} mode", bot.Username, bot.Id, options.Mode);

        foreach (var language in flow.Languages)
        {
            await api.SetMyCommandsAsync(CommandsIn(language), language, cancellationToken).ConfigureAwait(false);
        }

        // Users whose Telegram is in another language see the default language's list.
        await api.SetMyCommandsAsync(CommandsIn(flow.DefaultLanguage), null, cancellationToken).ConfigureAwait(false);

        if (options.UsesWebhook)
        {
            var url = new Uri(options.WebhookUrl!, options.WebhookPath).ToString();
            await api.SetWebhookAsync(url, options.WebhookSecret!, AllowedUpdates, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Polling and a webhook exclude each other; this keeps pending updates.
            await api.DeleteWebhookAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private BotCommand[] CommandsIn(string language) =>
        [.. TextKeys.Commands.Select(c => new BotCommand(c, flow.Content.Text(TextKeys.CommandPrefix + c, language)))];
}
