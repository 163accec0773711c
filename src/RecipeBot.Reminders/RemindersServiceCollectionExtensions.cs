using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Plans;
using RecipeBot.Reminders.Plans;
using RecipeBot.Reminders.Retention;
using RecipeBot.Reminders.Timers;
using RecipeBot.Storage;

namespace RecipeBot.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>How late a Quartz trigger may fire before Quartz calls it misfired: longer than any burst lasts (108,000 reminders at 30/s).</summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromHours(1);

    /// <summary>
    /// Registers meeting reminders, minutes follow-ups, next-step questions and action-plan progress check-ins, and the daily retention pass: the planner, the
    /// dispatcher (which queues them in the outbox), the catch-up at start-up, and Quartz (scheduler <c>recipebot</c>) keeping one timer per
    /// meeting and next step — in the bot's SQLite file (<c>Storage:SqlitePath</c>, tables <c>QRTZ_*</c>)
    /// or in memory when <c>Storage:Provider</c> is <c>memory</c> or <c>postgres</c>. Replaces the engine's
    /// <see cref="NoReminderScheduler"/> and <see cref="NoPlanScheduler"/>. With <c>Reminders:Enabled</c> false only the options are
    /// registered. Needs <see cref="IMeetingStore"/> and <see cref="IChatDirectory"/> (<c>AddStorage</c>), the
    /// <see cref="CompiledFlow"/> and the outbox senders (<c>AddRecipeEngine</c>) and the channels' <see cref="IChannelSender"/>s.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Read as written here, as Quartz is configured; its validation is AddStorage's, so a bad value is reported once.
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.SectionName)
            .PostConfigure(options => NameTheInstance(options, storage))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (!(configuration.GetSection(ReminderOptions.SectionName).GetValue<bool?>(nameof(ReminderOptions.Enabled)) ?? true))
        {
            services.TryAddSingleton<IReminderScheduler>(NoReminderScheduler.Instance);
            // No reminders, but the daily retention pass still runs, on a timer in memory.
            services.AddQuartz(ReminderTriggers.SchedulerName, quartz =>
            {
                quartz.UseInMemoryStore();
                RetentionJob.AddTo(quartz);
            });
            services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
            return services;
        }

        // Where Quartz keeps its timers is decided here, as Quartz is configured: next to the conversations.
        var persistent = configuration.GetSection(ReminderOptions.SectionName).GetValue<bool?>(nameof(ReminderOptions.PersistentTimers)) ?? true;
        // On PostgreSQL the instances share one clustered scheduler whose tables the migrations made (each timer fires on
        // one instance, and a dead instance's are taken over); the ledger's claim still keeps each reminder to one send.
        var connectionString = storage.IsMemory || storage.IsPostgres || !persistent ? null : QuartzSqliteSchema.ConnectionStringFor(storage.SqlitePath);
        var postgres = storage.IsPostgres && persistent
            ? storage.PostgresConnectionString ?? configuration.GetConnectionString(StorageOptions.PostgresConnectionName)
            : null;

        services.TryAddSingleton(provider => new MeetingMessages(provider.GetRequiredService<CompiledFlow>()));
        services.TryAddSingleton<ChannelSenders>();
        // Reminders leave through the outbox (drained by the engine's outbox senders); this wakes them.
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<NotificationPlanner>();
        services.TryAddSingleton<ReminderDispatcher>();
        services.TryAddSingleton<IReminderTimers, QuartzReminderTimers>();
        services.TryAddSingleton(_ => new QuartzSqliteSchema(connectionString));
        services.RemoveAll<IReminderScheduler>();
        services.AddSingleton<IReminderScheduler, QuartzReminderScheduler>();
        // Progress check-ins of action-plan commitments: one timer per plan, replacing the engine's NoPlanScheduler.
        services.TryAddSingleton(provider => new PlanMessages(provider.GetRequiredService<CompiledFlow>()));
        services.TryAddSingleton<CheckInPlanner>();
        services.RemoveAll<IPlanScheduler>();
        services.AddSingleton<IPlanScheduler, QuartzPlanScheduler>();

        // First of all hosted services, so the tables exist before Quartz's hosted service builds the scheduler.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ReminderSchemaService>());
        services.AddQuartz(ReminderTriggers.SchedulerName, quartz =>
        {
            // Named like the instance's claims when Storage:InstanceId is set; otherwise Quartz makes up a name.
            if (!string.IsNullOrWhiteSpace(storage.InstanceId))
            {
                quartz.ConfigureScheduler(scheduler =>
                {
                    scheduler.InstanceId = storage.InstanceId;
                    scheduler.GenerateInstanceId = false;
                });
            }

            if (connectionString is null && postgres is null)
            {
                quartz.UseInMemoryStore();
            }
            else
            {
                quartz.UsePersistentStore(store =>
                {
                    if (postgres is not null)
                    {
                        store.UsePostgres(postgres);
                        store.UseClustering();
                    }
                    else
                    {
                        store.UseSqlite(connectionString!);
                    }

                    store.UseSystemTextJsonSerializer();
                    // Job data is plain strings (ids); the schema is ours, Quartz only checks it at start-up.
                    store.ConfigureStore(options =>
                    {
                        options.StoreJobDataAsStrings = true;
                        options.SchemaProvisioning = SchemaProvisioning.Validate;
                        // The dispatcher judges lateness itself, so a trigger firing late only needs to fire. Many due at
                        // one minute wait for Quartz's threads, whose jobs wait for Telegram's 30/s (10,000 take ~6 min);
                        // at the default 1 min those still waiting would be set aside until the misfire handler's next pass.
                        options.MisfireThreshold = MisfireThreshold;
                    });
                });
            }

            // Requests recovery: a timer whose job was running on an instance that died fires again on another (the
            // ledger keeps that to one send).
            quartz.AddJob<ReminderJob>(job => job.WithIdentity(ReminderTriggers.Job).StoreDurably().RequestRecovery());
            // Conversations inactive past Privacy:RetentionDays (web visitors: WebRetentionDays) are deleted daily.
            RetentionJob.AddTo(quartz);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.TryAddSingleton<ReminderCatchUpService>();
        services.AddHostedService(provider => provider.GetRequiredService<ReminderCatchUpService>());
        return services;
    }

    /// <summary>
    /// The ledger's owner id when <c>Reminders:InstanceId</c> is not set: <c>Storage:InstanceId</c>, else on PostgreSQL
    /// the machine and process (instances on one machine must not pass for one another), else the machine name. Read
    /// from the settings as written.
    /// </summary>
    private static void NameTheInstance(ReminderOptions options, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(options.InstanceId))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(storage.InstanceId))
        {
            options.InstanceId = storage.InstanceId;
        }
        else if (storage.IsPostgres)
        {
            options.InstanceId = $"{Environment.MachineName}/{Environment.ProcessId}";
        }
    }
}
