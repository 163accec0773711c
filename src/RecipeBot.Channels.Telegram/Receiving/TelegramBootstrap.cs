using Microsoft.Extensions.Logging;
using RecipeBot.Channels.Telegram.Client;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.Channels.Telegram.Receiving;

/// <summary>
/// What the bot tells Telegram at start. What it cannot work without — who it is (getMe) and, in webhook mode,
/// where updates go (setWebhook) — is retried with backoff until Telegram answers. The rest are niceties: its
/// commands in et/en/ru and, for polling, deleteWebhook; a server that refuses them (telegram-test-api has no
/// setMyCommands) gets a warning and the bot goes on. Pending updates are never dropped.
/// </summary>
public sealed class TelegramBootstrap(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    CompiledFlow flow,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramBootstrap> logger)
{
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await UntilAnsweredAsync(IntroduceAsync, cancellationToken).ConfigureAwait(false);
        if (options.UsesWebhook)
        {
            await UntilAnsweredAsync(SetWebhookAsync, cancellationToken).ConfigureAwait(false);
        }

        await TrySetCommandsAsync(cancellationToken).ConfigureAwait(false);
        if (!options.UsesWebhook)
        {
            await TryDeleteWebhookAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UntilAnsweredAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await step(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is RequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (e is ApiRequestException { ErrorCode: 401 or 404 })
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

    private async Task IntroduceAsync(CancellationToken cancellationToken)
    {
        // Read leniently: the bot needs its id and username, nothing else getMe may or may not carry.
        var me = await bot.GetMe(cancellationToken).ConfigureAwait(false);
        identity.Set(me);
        logger.LogInformation("Telegram bot @{Username} ({BotId}) is connected, {Mode} mode", me.Username, me.Id, options.Mode);
    }

    private Task SetWebhookAsync(CancellationToken cancellationToken)
    {
        var webhook = new SetWebhookRequest
        {
            Url = new Uri(options.WebhookUrl!, options.WebhookPath).ToString(),
            SecretToken = options.WebhookSecret,
            AllowedUpdates = AllowedUpdates,
            // Updates that queued up while switching must still be delivered.
            DropPendingUpdates = false,
        };
        return bot.CallAsync(webhook, cancellationToken);
    }

    private async Task TrySetCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var language in flow.Languages)
            {
                await SetCommandsAsync(language, language, cancellationToken).ConfigureAwait(false);
            }

            // Users whose Telegram is in another language see the default language's list.
            await SetCommandsAsync(flow.DefaultLanguage, null, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            logger.LogWarning(e, "Telegram did not take the bot's command menu (setMyCommands: {Answer}); the bot works without it", AnswerOf(e));
        }
    }

    private Task SetCommandsAsync(string language, string? forUsersIn, CancellationToken cancellationToken)
    {
        var commands = new List<BotCommand>(TextKeys.Commands.Count);
        foreach (var command in TextKeys.Commands)
        {
            commands.Add(new BotCommand { Command = command, Description = flow.Content.Text(TextKeys.CommandPrefix + command, language) });
        }

        return bot.CallAsync(new SetMyCommandsRequest { Commands = commands, LanguageCode = forUsersIn }, cancellationToken);
    }

    /// <summary>What came back, in a few words: Telegram's error, or the HTTP status of an answer that was not a Bot API one.</summary>
    private static string AnswerOf(RequestException e) => e switch
    {
        ApiRequestException api => $"{api.ErrorCode} {api.Message}",
        { HttpStatusCode: { } status } => $"HTTP {(int)status}, not a Bot API answer",
        _ => "no answer",
    };

    private async Task TryDeleteWebhookAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Polling and a webhook exclude each other; this keeps pending updates (drop_pending_updates is false).
            await bot.CallAsync(new DeleteWebhookRequest { DropPendingUpdates = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            logger.LogWarning(e, "Telegram did not take deleteWebhook ({Answer}); should a webhook be set, getUpdates will answer 409 and say so", AnswerOf(e));
        }
    }
}
