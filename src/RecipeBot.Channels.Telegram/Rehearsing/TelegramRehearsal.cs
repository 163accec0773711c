using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RecipeBot.Channels.Telegram.Client;
using RecipeBot.Channels.Telegram.Receiving;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Turns;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;

namespace RecipeBot.Channels.Telegram.Rehearsing;

/// <summary>
/// Telegram's part of the rehearsal, on the channel's own code from end to end: a chat per language writes
/// <c>/start</c>, presses a button of each reply (as <see cref="Rehearsal.Press"/> picks) and types a question; the updates come through getUpdates and
/// are read as the poller reads them, handled by the update handler (the press answered and its keyboard removed), and
/// the replies leave the rehearsal's outbox through the outbox sender and the rate-limited sender. Telegram itself is
/// played in the process by <see cref="RehearsalAnswers"/>, so nothing leaves the machine.
/// </summary>
public sealed class TelegramRehearsal : IChannelRehearsal
{
    /// <summary>Buttons pressed in each chat after <c>/start</c>.</summary>
    public const int Presses = 6;

    /// <summary>A question typed in each chat, for free-text recognition.</summary>
    private static readonly IReadOnlyDictionary<string, string> Question = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["et"] = "Mida teha, kui MTÜd ei taha kaasa lüüa?",
        ["en"] = "What if the NGOs are not interested in taking part?",
        ["ru"] = "Что делать, если НКО не хотят участвовать?",
    };

    private static readonly User Me = new() { Id = 1, IsBot = true, FirstName = "Rehearsal", Username = "rehearsal_bot" };

    public string Channel => TelegramInboxProcessor.Channel;

    public async Task<int> RunAsync(Rehearsal rehearsal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rehearsal);
        // The real clock, whatever clock the bot is given (a test's stands still): the rehearsal only takes a moment.
        var time = TimeProvider.System;
        var answers = new RehearsalAnswers();
        using var http = new HttpClient(answers);
        var bot = new TelegramBotClient(new TelegramBotClientOptions("1:rehearsal", "http://rehearsal.invalid/") { RetryThreshold = 0 }, http);
        var identity = new TelegramBotIdentity();
        identity.Set(Me);
        var chats = new RehearsalChats();
        var handler = new TelegramUpdateHandler(rehearsal.Turns, bot, chats, identity, NullLogger<TelegramUpdateHandler>.Instance);
        var limits = new TelegramSendLimits { GlobalPerSecond = 100_000, PerChatInterval = TimeSpan.Zero, GroupMessagesPerMinute = 100_000 };
        using var sender = new TelegramSender(bot, chats, time, limits, NullLogger<TelegramSender>.Instance);
        var outbox = new OutboxSender(rehearsal.Outbox, new TelegramChannelSender(sender), new OutboxSignal(), time, NullLogger<OutboxSender>.Instance);
        await sender.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var updateId = 0;
            var presses = 0;
            for (var chat = 1; chat <= rehearsal.Languages.Count; chat++)
            {
                var language = rehearsal.Languages[chat - 1];
                answers.Queue(Typed(++updateId, chat, language, "/start"));
                await RoundAsync(bot, handler, outbox, cancellationToken).ConfigureAwait(false);
                for (var press = 0; press < Presses && answers.LastButtons(chat) is { Count: > 0 } buttons; press++)
                {
                    answers.Queue(Pressed(++updateId, chat, language, rehearsal.Press(buttons, language, press)));
                    presses++;
                    await RoundAsync(bot, handler, outbox, cancellationToken).ConfigureAwait(false);
                }

                answers.Queue(Typed(++updateId, chat, language, Question.GetValueOrDefault(language, Question["en"])));
                await RoundAsync(bot, handler, outbox, cancellationToken).ConfigureAwait(false);
            }

            // The presses are answered and their keyboards removed in the background: wait for them before the client goes.
            await answers.WhenCalledAsync("answerCallbackQuery", presses, cancellationToken).ConfigureAwait(false);
            await answers.WhenCalledAsync("editMessageReplyMarkup", presses, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await sender.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return answers.Calls("sendMessage");
    }

    /// <summary>One poll: the updates read as the poller reads them, each handled, and the replies sent.</summary>
    private static async Task RoundAsync(TelegramBotClient bot, TelegramUpdateHandler handler, OutboxSender outbox, CancellationToken cancellationToken)
    {
        var updates = await bot.CallAsync(new GetUpdatesRequest { Timeout = 0 }, cancellationToken).ConfigureAwait(false);
        var (items, read, _) = TelegramPollingService.ReadBatch(updates, NullLogger.Instance);
        foreach (var item in items)
        {
            // As the inbox processor reads a stored row it does not remember, and as the webhook reads a post.
            var update = read.Find(u => u.Id == item.Sequence) ?? TelegramUpdateJson.Parse(item.Payload);
            if (update is not null)
            {
                await handler.HandleAsync(update, cancellationToken).ConfigureAwait(false);
            }
        }

        await outbox.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Typed(int updateId, long chatId, string language, string text)
    {
        var message = Message(updateId, chatId, language, text);
        if (text.StartsWith('/'))
        {
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = text.Length, ["type"] = "bot_command" });
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    private static JsonObject Pressed(int updateId, long chatId, string language, string data) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"rehearsal-{updateId}",
            ["from"] = From(chatId, language),
            ["chat_instance"] = $"rehearsal-{chatId}",
            ["data"] = data,
            ["message"] = Message(updateId, chatId, language, "…"),
        },
    };

    private static JsonObject Message(int messageId, long chatId, string language, string text) => new()
    {
        ["message_id"] = messageId,
        ["date"] = 1_765_000_000,
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Rehearsal" },
        ["from"] = From(chatId, language),
        ["text"] = text,
    };

    private static JsonObject From(long chatId, string language) => new()
    {
        ["id"] = chatId,
        ["is_bot"] = false,
        ["first_name"] = "Rehearsal",
        ["language_code"] = language,
    };

    /// <summary>The rehearsal's chats: all of them there, none moved.</summary>
    private sealed class RehearsalChats : IChatDirectory
    {
        private readonly ConcurrentDictionary<string, bool> _active = new(StringComparer.Ordinal);

        public ValueTask<bool> IsActiveAsync(string conversationId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_active.GetValueOrDefault(conversationId, true));

        public ValueTask SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken)
        {
            _active[conversationId] = active;
            return ValueTask.CompletedTask;
        }

        public ValueTask MigrateAsync(string fromId, string toId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<string> ResolveAsync(string conversationId, CancellationToken cancellationToken) => ValueTask.FromResult(conversationId);
    }
}
