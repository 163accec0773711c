using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers conversation state, channel bookkeeping (chat status, cursors, inbox, conversation references, web chat transcripts) and
    /// meetings with their notification ledger on the provider chosen by <see cref="StorageOptions.Provider"/>.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SqliteDatabase(provider.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath));
        services.AddSingleton<IConversationStore>(provider => IsMemory(provider)
            ? new InMemoryConversationStore()
            : new SqliteConversationStore(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<TimeProvider>(), provider.GetService<ILogger<SqliteConversationStore>>()));
        // The outbox lives with the conversations, so a turn writes both in one transaction.
        services.AddSingleton<IOutboxStore>(provider => (IOutboxStore)provider.GetRequiredService<IConversationStore>());
        services.AddSingleton(provider => new ChannelStore(IsMemory(provider)
            ? new InMemoryChannelStore(provider.GetRequiredService<IConversationStore>(), provider.GetRequiredService<IMeetingStore>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IPlanStore>())
            : new SqliteChannelStore(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<IConversationStore>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IMeetingStore>(), provider.GetRequiredService<IPlanStore>())));
        services.AddSingleton<IChatDirectory>(provider => (IChatDirectory)provider.GetRequiredService<ChannelStore>().Store);
        services.AddSingleton<ICursorStore>(provider => (ICursorStore)provider.GetRequiredService<ChannelStore>().Store);
        services.AddSingleton<IInboxStore>(provider => (IInboxStore)provider.GetRequiredService<ChannelStore>().Store);
        services.AddSingleton<IConversationReferenceStore>(provider => IsMemory(provider)
            ? new InMemoryConversationReferenceStore()
            : new SqliteConversationReferenceStore(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<TimeProvider>()));
        // Web chat transcripts: what a visitor's client fetches by watermark.
        services.AddSingleton<ITranscriptStore>(provider => IsMemory(provider)
            ? new InMemoryTranscriptStore()
            : new SqliteTranscriptStore(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<TimeProvider>()));
        // Reminders are queued in the same outbox, in one transaction with their ledger key.
        services.AddSingleton<IMeetingStore>(provider => IsMemory(provider)
            ? new InMemoryMeetingStore(provider.GetRequiredService<IOutboxStore>())
            : new SqliteMeetingStore(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<TimeProvider>()));
        // Action plans, one per conversation.
        services.AddSingleton<IPlanStore>(provider => IsMemory(provider)
            ? new InMemoryPlanStore()
            : new SqlitePlanStore(provider.GetRequiredService<SqliteDatabase>()));
        // Meeting close-outs and the activity /stats counts (AddRecipeEngine registers them as personal data and figure sources).
        services.AddSingleton<ICloseOutStore>(provider => IsMemory(provider)
            ? new InMemoryCloseOutStore()
            : new SqliteCloseOutStore(provider.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IActivityLog>(provider => IsMemory(provider)
            ? new InMemoryActivityLog()
            : new SqliteActivityLog(provider.GetRequiredService<SqliteDatabase>()));
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

    private static bool IsMemory(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.IsMemory;

    /// <summary>One instance behind the three channel interfaces.</summary>
    private sealed record ChannelStore(object Store);
}
