using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Channels;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Meetings;
using RecipeBot.Storage;

namespace RecipeBot;

/// <summary>What must work before the bot takes its first message: the settings, the database, the content.</summary>
internal static class StartupChecks
{
    /// <summary>All of them, in that order.</summary>
    public static void Run(IServiceProvider services)
    {
        ValidateSettings(services);
        CheckDatabase(services);
        WarmUp(services);
    }

    /// <summary>Every section registered with ValidateOnStart, all failures at once.</summary>
    public static void ValidateSettings(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    public static void CheckDatabase(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var health = services.GetRequiredService<StorageHealth>();
        // Each creates or upgrades the schema (the migrations): a database that cannot take that fails here too.
        if (storage.IsPostgres)
        {
            PostgresCheck.Run(health, storage.PostgresConnectionString!);
        }
        else
        {
            if (!storage.IsMemory)
            {
                DatabaseCheck.Run(storage.SqlitePath);
            }

            health.Migrate();
        }

        services.GetRequiredService<IConversationStore>();
        services.GetRequiredService<IMeetingStore>();
        services.GetRequiredService<IConversationReferenceStore>();
        services.GetRequiredService<IInboxStore>();
        services.GetRequiredService<ITranscriptStore>();
    }

    /// <summary>Loads the content and trains (or loads) the free-text model, so the first turn is not the slow one.</summary>
    public static void WarmUp(IServiceProvider services) => services.GetRequiredService<RecipeEngine>();
}
