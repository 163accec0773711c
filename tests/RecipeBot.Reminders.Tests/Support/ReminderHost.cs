using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Reminders.Timers;
using RecipeBot.Storage;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Reminders.Tests.Support;

/// <summary>
/// The bot's composition as far as reminders go — <c>AddStorage()</c>, the outbox senders and <c>AddReminders()</c>
/// on a generic host — with a recording channel, the repository's dialogs and the given clock.
/// </summary>
public sealed class ReminderHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ReminderHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public IMeetingStore Store => Services.GetRequiredService<IMeetingStore>();

    public IScheduler Scheduler => Services.GetRequiredKeyedService<IScheduler>(ReminderTriggers.SchedulerName);

    /// <summary>Completes when the start-up catch-up has run.</summary>
    public Task CatchUpDone => Services.GetRequiredService<ReminderCatchUpService>().FirstRun;

    public static async Task<ReminderHost> StartAsync(
        string sqlitePath,
        TimeProvider time,
        RecordingSender sender,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool meetingsInMemory = false,
        string provider = "sqlite")
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:SqlitePath"] = sqlitePath,
            ["Reminders:CatchUpInterval"] = "00:00:00",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging(logging =>
        {
            // REMINDER_TEST_LOG=1 dotnet test … shows what Quartz and the dispatcher did.
            if (Environment.GetEnvironmentVariable("REMINDER_TEST_LOG") is not null)
            {
                logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
            }
        });
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(Dialogs.Flow);
        builder.Services.AddSingleton<IChannelSender>(sender);
        builder.Services.AddStorage();
        if (provider != "postgres")
        {
            // The in-memory meeting store keeps seconds (SQLite's keeps minutes), for reminders due seconds from now.
            builder.Services.AddSingleton<IMeetingStore>(services => meetingsInMemory
                ? new InMemoryMeetingStore(services.GetRequiredService<IOutboxStore>())
                : new SqliteMeetingStore(services.GetRequiredService<SqliteDatabase>(), time));
        }

        // What AddRecipeEngine adds for reminders to leave: the outbox sender of each channel.
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSenders>();
        builder.Services.AddHostedService<OutboxService>();
        builder.Services.AddReminders(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ReminderHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>Polls <paramref name="condition"/> on the real clock until it holds; false when <paramref name="timeout"/> passes first.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }
}
