using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Channels;
using RecipeBot.Core.CloseOuts;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Meetings;
using RecipeBot.Core.Outbox;
using RecipeBot.Core.Plans;
using RecipeBot.Core.Privacy;
using RecipeBot.Core.Stats;
using RecipeBot.Storage.Memory;
using RecipeBot.Storage.Postgres;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers conversation state, channel bookkeeping (chat status, cursors, inbox, conversation references, web chat
    /// transcripts) and meetings with their notification ledger on the provider chosen by <see cref="StorageOptions.Provider"/>,
    /// and <see cref="StorageHealth"/>, which applies the schema migrations.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.PostgresConnectionString ??= configuration.GetConnectionString(StorageOptions.PostgresConnectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealth>();
        services.AddSingleton(provider => new SqliteDatabase(Options(provider).SqlitePath));
        services.AddSingleton(provider => new PostgresDatabase(Options(provider).PostgresConnectionString!, Options(provider).InstanceId, Options(provider).ClaimLease));
        services.AddSingleton<IConversationStore>(provider => Pick<IConversationStore>(
            provider,
            () => new InMemoryConversationStore(),
            () => new SqliteConversationStore(provider.GetRequiredService<SqliteDatabase>(), Time(provider), provider.GetService<ILogger<SqliteConversationStore>>()),
            () => new PostgresConversationStore(provider.GetRequiredService<PostgresDatabase>(), Time(provider), provider.GetService<ILogger<PostgresConversationStore>>())));
        // The outbox lives with the conversations, so a turn writes both in one transaction.
        services.AddSingleton<IOutboxStore>(provider => (IOutboxStore)provider.GetRequiredService<IConversationStore>());
        services.AddSingleton(provider => new ChannelStore(Pick<object>(
            provider,
            () => new InMemoryChannelStore(provider.GetRequiredService<IConversationStore>(), provider.GetRequiredService<IMeetingStore>(), Time(provider), provider.GetRequiredService<IPlanStore>()),
            () => new SqliteChannelStore(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<IConversationStore>(), Time(provider), provider.GetRequiredService<IMeetingStore>(), provider.GetRequiredService<IPlanStore>()),
            () => new PostgresChannelStore(provider.GetRequiredService<PostgresDatabase>(), provider.GetRequiredService<IConversationStore>(), Time(provider), provider.GetRequiredService<IMeetingStore>(), provider.GetRequiredService<IPlanStore>()))));
        // Who polls Telegram: the only instance on SQLite, the holder of an advisory lock on PostgreSQL.
        services.AddSingleton<ILeaderElection>(provider => Pick<ILeaderElection>(
            provider,
            () => new SingleInstanceElection(),
            () => new SingleInstanceElection(),
            () => new PostgresLeaderElection(provider.GetRequiredService<PostgresDatabase>(), Time(provider), null, provider.GetService<ILogger<PostgresLeaderElection>>())));
        services.AddSingleton<IChatDirectory>(provider => (IChatDirectory)provider.GetRequiredService<ChannelStore>().Store);
        services.AddSingleton<ICursorStore>(provider => (ICursorStore)provider.GetRequiredService<ChannelStore>().Store);
        services.AddSingleton<IInboxStore>(provider => (IInboxStore)provider.GetRequiredService<ChannelStore>().Store);
        services.AddSingleton<IConversationReferenceStore>(provider => Pick<IConversationReferenceStore>(
            provider,
            () => new InMemoryConversationReferenceStore(),
            () => new SqliteConversationReferenceStore(provider.GetRequiredService<SqliteDatabase>(), Time(provider)),
            () => new PostgresConversationReferenceStore(provider.GetRequiredService<PostgresDatabase>(), Time(provider))));
        // Web chat transcripts: what a visitor's client fetches by watermark.
        services.AddSingleton<ITranscriptStore>(provider => Pick<ITranscriptStore>(
            provider,
            () => new InMemoryTranscriptStore(),
            () => new SqliteTranscriptStore(provider.GetRequiredService<SqliteDatabase>(), Time(provider)),
            () => new PostgresTranscriptStore(provider.GetRequiredService<PostgresDatabase>(), Time(provider))));
        // Reminders are queued in the same outbox, in one transaction with their ledger key.
        services.AddSingleton<IMeetingStore>(provider => Pick<IMeetingStore>(
            provider,
            () => new InMemoryMeetingStore(provider.GetRequiredService<IOutboxStore>()),
            () => new SqliteMeetingStore(provider.GetRequiredService<SqliteDatabase>(), Time(provider)),
            () => new PostgresMeetingStore(provider.GetRequiredService<PostgresDatabase>(), Time(provider))));
        // Action plans, one per conversation.
        services.AddSingleton<IPlanStore>(provider => Pick<IPlanStore>(
            provider,
            () => new InMemoryPlanStore(),
            () => new SqlitePlanStore(provider.GetRequiredService<SqliteDatabase>()),
            () => new PostgresPlanStore(provider.GetRequiredService<PostgresDatabase>())));
        // Meeting close-outs and the activity /stats counts (AddRecipeEngine registers them as personal data and figure sources).
        services.AddSingleton<ICloseOutStore>(provider => Pick<ICloseOutStore>(
            provider,
            () => new InMemoryCloseOutStore(),
            () => new SqliteCloseOutStore(provider.GetRequiredService<SqliteDatabase>()),
            () => new PostgresCloseOutStore(provider.GetRequiredService<PostgresDatabase>())));
        services.AddSingleton<IActivityLog>(provider => Pick<IActivityLog>(
            provider,
            () => new InMemoryActivityLog(),
            () => new SqliteActivityLog(provider.GetRequiredService<SqliteDatabase>()),
            () => new PostgresActivityLog(provider.GetRequiredService<PostgresDatabase>())));
        // What /export shows and /forget and the retention job erase: each store answers for its own tables.
        // (A store a host replaced with one of its own that keeps nothing personal is left out.)
        services.AddSingleton<IPersonalDataSource>(provider => new CompositePersonalDataSource(new object[]
        {
            provider.GetRequiredService<IConversationStore>(),
            provider.GetRequiredService<ChannelStore>().Store,
            provider.GetRequiredService<IConversationReferenceStore>(),
            provider.GetRequiredService<ITranscriptStore>(),
        }.OfType<IPersonalDataSource>()));
        return services;
    }

    private static StorageOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static TimeProvider Time(IServiceProvider provider) => provider.GetRequiredService<TimeProvider>();

    private static T Pick<T>(IServiceProvider provider, Func<T> memory, Func<T> sqlite, Func<T> postgres) => Options(provider) switch
    {
        { IsMemory: true } => memory(),
        { IsPostgres: true } => postgres(),
        _ => sqlite(),
    };

    /// <summary>One instance behind the three channel interfaces.</summary>
    private sealed record ChannelStore(object Store);
}
