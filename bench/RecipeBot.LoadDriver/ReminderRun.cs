using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Telegram.Sending;
using RecipeBot.Reminders;

namespace RecipeBot.LoadDriver;

/// <summary>
/// A reminder run: n meetings whose 1-hour reminders fall due at one minute, written into a fresh SQLite file;
/// the bot as composed in production started against a fake Bot API that enforces Telegram's limits; then
/// waiting until every chat has its reminder (or the timeout), and the bot stopped before the file is read.
/// </summary>
public static class ReminderRun
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(5);

    public static Task<ReminderResult> RunAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken) =>
        RunDirectory.WithDatabaseAsync(
            "recipebot-reminders-",
            "reminders.db",
            options.KeepDatabase,
            progress,
            async databasePath =>
            {
                var result = await RunAsync(options, databasePath, progress, cancellationToken).ConfigureAwait(false);

                // Read once the bot has closed the file.
                return result with { Ledger = LedgerCheck.Read(databasePath) };
            });

    private static async Task<ReminderResult> RunAsync(LoadOptions options, string databasePath, TextWriter progress, CancellationToken cancellationToken)
    {
        var chats = options.Reminders ?? throw new ArgumentException("Not a reminder run.", nameof(options));
        var outbox = new FakeOutbox();
        await using var fake = await FakeBotApi.StartAsync(new LoadSession(0), TimeSpan.FromMilliseconds(options.ApiDelayMilliseconds), outbox, cancellationToken)
            .ConfigureAwait(false);

        // The clock the bot's timers run on, and the driver's stopwatch, tied at one moment.
        var now = TimeProvider.System.GetUtcNow();
        var anchor = Stopwatch.GetTimestamp();
        var dueAt = WholeMinuteAtOrAfter(now + TimeSpan.FromSeconds(options.DueAfterSeconds));
        var due = anchor + (long)((dueAt - now).TotalSeconds * Stopwatch.Frequency);
        await progress.WriteLineAsync(Invariant($"{chats:N0} meetings, 1-hour reminders due at {dueAt:HH:mm:ss} UTC; Bot API latency {options.ApiDelayMilliseconds} ms; writing the meetings")).ConfigureAwait(false);
        await ReminderSeeder.SeedAsync(databasePath, chats, dueAt, now, cancellationToken).ConfigureAwait(false);
        var seeded = Stopwatch.GetTimestamp();

        using var process = Process.GetCurrentProcess();
        await using var memory = new MemorySampler(TimeSpan.FromMilliseconds(250));
        var cpuAtStart = process.TotalProcessorTime;
        var app = BotApplication.Create([.. BotArguments(options, fake.BaseUrl, databasePath)])
            ?? throw new InvalidOperationException("The bot did not configure its Telegram channel.");
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var up = Stopwatch.GetTimestamp();
            await fake.Ready.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync(Invariant($"bot up {Stopwatch.GetElapsedTime(seeded, up).TotalSeconds:0.0} s after the meetings were written ({Stopwatch.GetElapsedTime(anchor, seeded).TotalSeconds:0.0} s); due in {Stopwatch.GetElapsedTime(up, due).TotalSeconds:0} s")).ConfigureAwait(false);

            var deadline = due + (long)(TimeSpan.FromMinutes(options.TimeoutMinutes).TotalSeconds * Stopwatch.Frequency);
            var catchUp = app.Services.GetRequiredService<ReminderCatchUpService>().FirstRun;
            TimeSpan? catchUpTime = null;
            TimeSpan? cpuAtDue = null;
            var lastProgress = Stopwatch.GetTimestamp();
            while (outbox.AcceptedCount < chats && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
                var tick = Stopwatch.GetTimestamp();
                if (catchUpTime is null && catchUp.IsCompleted)
                {
                    catchUpTime = Stopwatch.GetElapsedTime(seeded, tick);
                    await progress.WriteLineAsync(Invariant($"start-up catch-up done {catchUpTime.Value.TotalSeconds:0.0} s after starting the bot ({catchUp.Status}); due in {Stopwatch.GetElapsedTime(tick, due).TotalSeconds:0} s")).ConfigureAwait(false);
                }

                if (cpuAtDue is null && tick >= due)
                {
                    process.Refresh();
                    cpuAtDue = process.TotalProcessorTime;
                }

                if (Stopwatch.GetElapsedTime(lastProgress, tick) >= ProgressEvery)
                {
                    lastProgress = tick;
                    await progress.WriteLineAsync(Invariant($"  {Stopwatch.GetElapsedTime(due, tick).TotalSeconds,6:0} s after due: {outbox.AcceptedCount,6:N0} delivered, {outbox.Refusals} refused (429)")).ConfigureAwait(false);
                }
            }

            process.Refresh();
            var cpuAtEnd = process.TotalProcessorTime;
            await progress.WriteLineAsync(Invariant($"{outbox.AcceptedCount:N0} delivered; waiting {DuplicateGrace.TotalSeconds:0} s for duplicates, then stopping the bot")).ConfigureAwait(false);
            await Task.Delay(DuplicateGrace, cancellationToken).ConfigureAwait(false);
            var sender = app.Services.GetRequiredService<TelegramSender>().Statistics;
            var databaseBytes = DatabaseCheck.FileBytes(databasePath);
            var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken).ConfigureAwait(false)).Split(' ').Take(3)) : null;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            process.Refresh();
            return new ReminderResult
            {
                Options = options,
                Chats = chats,
                DueAt = dueAt,
                Seeding = Stopwatch.GetElapsedTime(anchor, seeded),
                Startup = Stopwatch.GetElapsedTime(seeded, up),
                CatchUp = catchUpTime,
                UpToDue = Stopwatch.GetElapsedTime(up, due),
                Deliveries = new ReminderDeliveries(outbox.Accepted(), chats, due),
                GlobalRefusals = outbox.GlobalRefusals,
                ChatRefusals = outbox.ChatRefusals,
                SenderSent = sender.Sent,
                SenderRetried = sender.Retried,
                SenderRateLimited = sender.RateLimited,
                SenderDropped = sender.Dropped,
                BurstCpu = cpuAtEnd - (cpuAtDue ?? cpuAtEnd),
                BotCpu = process.TotalProcessorTime - cpuAtStart,
                BotWall = Stopwatch.GetElapsedTime(seeded),
                PeakWorkingSetBytes = memory.PeakWorkingSetBytes,
                PeakManagedHeapBytes = memory.PeakManagedHeapBytes,
                DatabaseBytes = databaseBytes,
                LoadAverage = loadAverage,
            };
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The bot's arguments: the fake as Telegram, the seeded SQLite file, Telegram's limits as they are.</summary>
    public static IEnumerable<string> BotArguments(LoadOptions options, Uri fake, string databasePath)
    {
        yield return $"--Telegram:BotToken={FakeBotApi.Token}";
        yield return $"--Telegram:BaseUrl={fake}";
        yield return "--Telegram:PollingTimeoutSeconds=1";
        yield return $"--Storage:SqlitePath={databasePath}";
        yield return $"--RecipeBot:ContentPath={LoadRun.ContentPath()}";
        yield return "--urls=http://127.0.0.1:0";
        yield return "--Logging:LogLevel:Default=Warning";
        yield return "--Logging:LogLevel:RecipeBot=Warning";
        foreach (var argument in options.BotArguments)
        {
            yield return argument;
        }
    }

    private static DateTimeOffset WholeMinuteAtOrAfter(DateTimeOffset instant)
    {
        var minute = new DateTimeOffset(instant.Year, instant.Month, instant.Day, instant.Hour, instant.Minute, 0, instant.Offset);
        return minute < instant ? minute.AddMinutes(1) : minute;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
