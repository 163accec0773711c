using System.Diagnostics;
using System.Globalization;
using RecipeBot.Channels.Telegram.Client;
using RecipeBot.Channels.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace RecipeBot.LoadDriver;

/// <summary>
/// <c>--calibrate</c>: the cost of one Bot API call on this machine, the bot's client (Telegram.Bot) against the fake, with no
/// bot in between. A button press costs the bot three such calls (answerCallbackQuery, editMessageReplyMarkup,
/// sendMessage), a typed message one, so this is the floor under the HTTP share of an update.
/// </summary>
public static class HttpCalibration
{
    private const int Concurrency = 16;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        // Calls for chats the session does not know: the fake answers them as usual and only counts them.
        var session = new LoadSession(0);
        await using var fake = await FakeBotApi.StartAsync(session, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new TelegramBotClient(new TelegramBotClientOptions(FakeBotApi.Token, fake.BaseUrl.AbsoluteUri) { RetryThreshold = 0 }, http);
        var estonian = string.Concat(Enumerable.Repeat("Kutsuge kokku avatud koosolek &amp; kirjutage üles, mida kuulsite. ", 38));
        var russian = string.Concat(Enumerable.Repeat("Соберите открытую встречу &amp; запишите, что вы услышали от людей. ", 37));
        var keyboard = TelegramKeyboard.SingleColumn(
            new[] { "schedule", "method:focused-conversation", "method:co-creation-framing", "other-situation", "next-phase", "back", "restart" }
                .Select(id => TelegramKeyboard.CallbackButton("Button " + id, id)));
        SendMessageRequest Message(string text) => new()
        {
            ChatId = 1,
            Text = text,
            ParseMode = ParseMode.Html,
            LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
            ReplyMarkup = keyboard,
        };

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### Bot API calls on loopback ({Concurrency} at once, {Duration.TotalSeconds:0} s each; the bot's client and the fake)"));
        output.WriteLine();
        output.WriteLine("| call | calls/s | CPU per call (client + fake) | request body |");
        output.WriteLine("|---|---:|---:|---:|");
        await MeasureAsync(output, fake, $"sendMessage, Estonian ({estonian.Length} characters, 7 buttons)", ct => client.CallAsync(Message(estonian), ct), cancellationToken).ConfigureAwait(false);
        await MeasureAsync(output, fake, $"sendMessage, Russian ({russian.Length} characters, 7 buttons)", ct => client.CallAsync(Message(russian), ct), cancellationToken).ConfigureAwait(false);
        await MeasureAsync(output, fake, "answerCallbackQuery", ct => client.CallAsync(new AnswerCallbackQueryRequest { CallbackQueryId = "1:1" }, ct), cancellationToken).ConfigureAwait(false);
        await MeasureAsync(output, fake, "editMessageReplyMarkup", ct => client.CallAsync(new EditMessageReplyMarkupRequest { ChatId = 1, MessageId = 1 }, ct), cancellationToken).ConfigureAwait(false);
        await MeasureAsync(output, fake, "getUpdates (timeout 0, nothing queued)", ct => client.CallAsync(new GetUpdatesRequest { Offset = 1, Timeout = 0, AllowedUpdates = [UpdateType.Message] }, ct), cancellationToken).ConfigureAwait(false);
    }

    private static async Task MeasureAsync(TextWriter output, FakeBotApi fake, string name, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        // Warm the connections and the JIT first.
        await RunForAsync(call, TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var (sends, bytes) = (fake.SendMessages, fake.SendMessageBytes * fake.SendMessages);
        var calls = await RunForAsync(call, Duration, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var sent = fake.SendMessages - sends;
        var body = sent == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{((fake.SendMessageBytes * fake.SendMessages) - bytes) / sent:N0} bytes");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {calls / elapsed.TotalSeconds:0} | {cpu.TotalMicroseconds / calls:0} µs | {body} |"));
    }

    private static async Task<long> RunForAsync(Func<CancellationToken, Task> call, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long calls = 0;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await call(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref calls);
            }
        })).ConfigureAwait(false);
        return calls;
    }
}
