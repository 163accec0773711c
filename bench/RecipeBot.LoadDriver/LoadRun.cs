using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RecipeBot.Channels.Telegram.Sending;

namespace RecipeBot.LoadDriver;

/// <summary>
/// One run: the fake Bot API, the bot as composed in production on a fresh SQLite file, the users in a closed
/// loop; warm-up, the measured window, then a drain in which every update still under way must get its reply.
/// </summary>
public static class LoadRun
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(1);

    public static Task<LoadResult> RunAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken) =>
        RunDirectory.WithDatabaseAsync(
            "recipebot-load-",
            "load.db",
            options.KeepDatabase,
            progress,
            async databasePath =>
            {
                var result = await RunAsync(options, databasePath, progress, cancellationToken).ConfigureAwait(false);

                // Read once the bot has closed the file.
                return result with { Database = DatabaseCheck.Read(databasePath) };
            });

    private static async Task<LoadResult> RunAsync(LoadOptions options, string databasePath, TextWriter progress, CancellationToken cancellationToken)
    {
        var session = new LoadSession(options.Users, TimeSpan.FromMilliseconds(options.ThinkMilliseconds));
        await using var fake = await FakeBotApi.StartAsync(session, TimeSpan.FromMilliseconds(options.ApiDelayMilliseconds), cancellationToken).ConfigureAwait(false);
        var app = BotApplication.Create([.. BotArguments(options, fake.BaseUrl, databasePath)])
            ?? throw new InvalidOperationException("The bot did not configure its Telegram channel.");
        WebhookPoster? poster = null;
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await fake.Ready.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            if (options.UsesWebhook)
            {
                var endpoint = new Uri(new Uri(app.Urls.Single()), "/telegram/webhook");
                poster = new WebhookPoster(session, endpoint, options.WebhookConnections);
                session.Sink = poster;
            }
            else
            {
                session.Sink = fake.Queue;
            }

            await progress.WriteLineAsync($"{options.Users} users, {options.Mode}, {options.ThinkMilliseconds} ms pauses, {options.ApiDelayMilliseconds} ms Bot API delay: warming up for {options.WarmupSeconds} s, then measuring for {options.Seconds} s").ConfigureAwait(false);
            session.Start();
            await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken).ConfigureAwait(false);

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var scheduler = SchedulerStatistics.Read();
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocated = GC.GetTotalAllocatedBytes();
            var from = LoadSession.Now();
            session.BeginMeasuring(from);
            await Task.Delay(TimeSpan.FromSeconds(options.Seconds), cancellationToken).ConfigureAwait(false);
            var to = LoadSession.Now();
            session.EndMeasuring(to);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            scheduler = SchedulerStatistics.Read() - scheduler;
            allocated = GC.GetTotalAllocatedBytes() - allocated;
            var collections = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
            var databaseBytes = DatabaseCheck.FileBytes(databasePath);
            var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken).ConfigureAwait(false)).Split(' ').Take(3)) : null;
            var measured = Stopwatch.GetElapsedTime(from, to);

            session.Stop();
            await progress.WriteLineAsync($"measured; draining {session.Outstanding} updates still under way").ConfigureAwait(false);
            await DrainAsync(session, cancellationToken).ConfigureAwait(false);
            var sender = app.Services.GetRequiredService<TelegramSender>().Statistics;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            process.Refresh();
            return new LoadResult
            {
                Options = options,
                MeasuredSeconds = measured.TotalSeconds,
                MeasuredReplies = session.MeasuredReplies,
                Session = session,
                Fake = fake,
                WebhookFailedPosts = poster?.FailedPosts ?? 0,
                WebhookLost = poster?.Lost ?? 0,
                Missing = session.Outstanding,
                SenderSent = sender.Sent,
                SenderRetried = sender.Retried,
                SenderDropped = sender.Dropped,
                Database = null,
                DatabaseBytes = databaseBytes,
                CpuTime = cpu,
                Scheduler = scheduler,
                AllocatedBytes = allocated,
                Gen0 = collections.Item1,
                Gen1 = collections.Item2,
                Gen2 = collections.Item3,
                PeakWorkingSetBytes = process.PeakWorkingSet64,
                LoadAverage = loadAverage,
            };
        }
        finally
        {
            if (poster is not null)
            {
                await poster.DisposeAsync().ConfigureAwait(false);
            }

            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The bot's arguments: the fake as Telegram, a fresh SQLite file, and (by default) Telegram's send limits lifted.</summary>
    public static IEnumerable<string> BotArguments(LoadOptions options, Uri fake, string databasePath)
    {
        yield return $"--Telegram:BotToken={FakeBotApi.Token}";
        yield return $"--Telegram:BaseUrl={fake}";
        yield return "--Telegram:PollingTimeoutSeconds=1";
        yield return $"--Storage:SqlitePath={databasePath}";
        yield return $"--RecipeBot:ContentPath={ContentPath()}";
        yield return "--urls=http://127.0.0.1:0";
        yield return "--Logging:LogLevel:Default=Warning";
        if (!options.TelegramLimits)
        {
            // Telegram's 30 messages/s overall and 1/s per chat would cap the run at 30 replies/s.
            yield return "--Telegram:Limits:GlobalPerSecond=100000";
            yield return "--Telegram:Limits:PerChatInterval=00:00:00";
            yield return "--Telegram:Limits:GroupMessagesPerMinute=100000";
            yield return "--Telegram:Limits:MaxConcurrentRequests=64";
        }

        if (options.UsesWebhook)
        {
            yield return "--Telegram:Mode=webhook";
            yield return "--Telegram:WebhookUrl=https://x.example/";
            yield return $"--Telegram:WebhookSecret={WebhookPoster.Secret}";
        }

        foreach (var argument in options.BotArguments)
        {
            yield return argument;
        }
    }

    /// <summary>Waits until every update sent has its reply (or the limit passes), then a little longer for duplicates.</summary>
    private static async Task DrainAsync(LoadSession session, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (session.Outstanding > 0 && Stopwatch.GetElapsedTime(started) < DrainLimit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(DuplicateGrace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The repository's dialogs/ (found upwards from here), else the copy next to the program.</summary>
    internal static string ContentPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RecipeBot.sln")))
            {
                return Path.Combine(directory.FullName, "dialogs");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "dialogs");
    }
}
