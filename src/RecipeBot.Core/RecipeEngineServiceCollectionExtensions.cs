using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using RecipeBot.Core.Loading;

namespace RecipeBot.Core;

public static class RecipeEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the content (loaded and validated once), the compiled flow and the engine.
    /// Needs an <see cref="IConversationStore"/> (see <c>AddStorage</c>).
    /// </summary>
    public static IServiceCollection AddRecipeEngine(this IServiceCollection services)
    {
        services.AddOptions<RecipeEngineOptions>()
            .BindConfiguration(RecipeEngineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RecipeEngineOptions>>().Value;
            return CompiledFlow.Compile(ContentLoader.LoadValid(ContentPaths.Resolve(options.ContentPath)));
        });
        services.AddSingleton(provider => new RecipeEngine(
            provider.GetRequiredService<CompiledFlow>(),
            provider.GetRequiredService<IConversationStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<RecipeEngineOptions>>().Value.MaxTextLength,
            provider.GetRequiredService<ILogger<RecipeEngine>>()));
        return services;
    }
}
