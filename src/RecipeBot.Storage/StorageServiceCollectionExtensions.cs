using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Conversations;
using RecipeBot.Storage.Sqlite;

namespace RecipeBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the conversation store chosen by <see cref="StorageOptions.Provider"/>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IConversationStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider == "memory"
                ? new InMemoryConversationStore()
                : new SqliteConversationStore(options.SqlitePath);
        });
        return services;
    }
}
