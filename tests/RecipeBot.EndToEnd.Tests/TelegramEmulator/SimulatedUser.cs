using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace RecipeBot.EndToEnd.Tests.TelegramEmulator;

/// <summary>
/// A Telegram user in a private chat with the bot, driven through the emulator's client routes
/// (<c>/sendCommand</c>, <c>/sendCallback</c>, <c>/getUpdates</c> of telegram-test-api).
/// </summary>
internal sealed class SimulatedUser(HttpClient http, Uri emulator, string botToken, TimeProvider time)
{
    /// <summary>In a private chat the chat id is the user's id.</summary>
    public const long Id = 4242;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Queue<(long MessageId, string Text, IReadOnlyList<(string, string)>? Buttons)> _unread = new();
    private readonly List<string> _transcript = [];
    private readonly long _started = time.GetTimestamp();

    /// <summary>The chat so far, for failure messages.</summary>
    public string Transcript => string.Join('\n', _transcript);

    private object From => new { id = Id, is_bot = false, first_name = "Anna", language_code = "et" };

    private object Chat => new { id = Id, type = "private", first_name = "Anna" };

    public async Task SendCommandAsync(string command, CancellationToken cancellationToken)
    {
        Note($"user: {command}");
        var entities = new[] { new { offset = 0, length = command.Split(' ')[0].Length, type = "bot_command" } };
        await PostAsync("sendCommand", new { botToken, from = From, chat = Chat, date = Now(), text = command, entities }, cancellationToken);
    }

    /// <summary>Presses a button of <paramref name="reply"/>, as Telegram reports it to the bot, and waits for the answer.</summary>
    public async Task<BotReply> PressAsync(BotReply reply, string callbackData, CancellationToken cancellationToken)
    {
        Assert.Contains(callbackData, reply.Buttons.Select(b => b.CallbackData));
        Note($"user presses: {callbackData}");
        // Built here rather than like the emulator's own makeCallbackQuery, which leaves out the pressed
        // message's id and date; Telegram always sends them, and the bot reads them.
        var bot = new { id = 666, is_bot = true, first_name = "Test First name", username = "TestNameBot" };
        var message = new { message_id = reply.MessageId, date = Now(), chat = Chat, from = bot, text = reply.Text };
        await PostAsync("sendCallback", new { botToken, from = From, message, data = callbackData }, cancellationToken);

        return await ReceiveReplyAsync(cancellationToken);
    }

    /// <summary>Waits for the bot's next message with buttons; messages before it (a long text's first parts) are joined to it.</summary>
    public async Task<BotReply> ReceiveReplyAsync(CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        while (true)
        {
            while (_unread.TryDequeue(out var message))
            {
                texts.Add(message.Text);
                if (message.Buttons is { } buttons)
                {
                    return new BotReply(message.MessageId, string.Join('\n', texts), buttons);
                }
            }

            await FetchAsync(cancellationToken);
            if (_unread.Count == 0)
            {
                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(await PostAsync("getUpdates", new { token = botToken, chatId = Id }, cancellationToken));
        // Entries are what the bot posted to sendMessage, with the id the emulator gave the message.
        foreach (var entry in body.RootElement.GetProperty("result").EnumerateArray().OrderBy(e => e.GetProperty("messageId").GetInt64()))
        {
            var message = entry.GetProperty("message");
            var text = message.GetProperty("text").GetString() ?? "";
            IReadOnlyList<(string, string)>? buttons = null;
            if (message.TryGetProperty("reply_markup", out var markup) && markup.TryGetProperty("inline_keyboard", out var keyboard))
            {
                buttons = [.. keyboard.EnumerateArray().SelectMany(row => row.EnumerateArray())
                    .Select(b => (b.GetProperty("text").GetString()!, b.GetProperty("callback_data").GetString()!))];
            }

            var messageId = entry.GetProperty("messageId").GetInt64();
            Note($"bot (message {messageId}): {text}" + (buttons is null ? "" : $" [{string.Join(" | ", buttons)}]"));
            _unread.Enqueue((messageId, text, buttons));
        }
    }

    private async Task<string> PostAsync(string route, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(emulator, route), body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? text
            : throw new HttpRequestException($"The emulator answered {route} with {(int)response.StatusCode}: {text}");
    }

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    private void Note(string line) =>
        _transcript.Add(string.Create(CultureInfo.InvariantCulture, $"[{time.GetElapsedTime(_started).TotalSeconds,5:0.0} s] {line}"));
}
